package io.pairpad.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the shape of a rope: correct cached lengths and heights, AVL balance, bounded leaves. */
final class RopeInvariants {

    private RopeInvariants() {
    }

    static void check(Rope rope) {
        check(rope.root(), true);
    }

    private static void check(RopeNode node, boolean isRoot) {
        if (node instanceof RopeNode.Leaf leaf) {
            assertEquals(leaf.text.length(), leaf.length);
            assertEquals(0, leaf.height);
            assertTrue(leaf.length <= RopeNode.MAX_LEAF, "leaf of " + leaf.length);
            assertTrue(isRoot || leaf.length > 0, "empty leaf below the root");
            return;
        }
        RopeNode.Branch branch = (RopeNode.Branch) node;
        check(branch.left, false);
        check(branch.right, false);
        assertEquals(branch.left.length + branch.right.length, branch.length);
        assertEquals(Math.max(branch.left.height, branch.right.height) + 1, branch.height);
        assertTrue(Math.abs(branch.left.height - branch.right.height) <= 1,
                "unbalanced: " + branch.left.height + " vs " + branch.right.height);
    }
}
