package io.pairpad.ot;

/**
 * A node of a {@link Rope}: an immutable AVL tree of string leaves. Edits copy only the
 * path from the root to the leaves they touch and rebalance on the way back up.
 */
abstract sealed class RopeNode permits RopeNode.Leaf, RopeNode.Branch {

    /** Large enough that a leaf edit is one cheap array copy, small enough to keep that copy cheap. */
    static final int MAX_LEAF = 512;

    static final Leaf EMPTY = new Leaf("");

    final int length;
    final int height;

    private RopeNode(int length, int height) {
        this.length = length;
        this.height = height;
    }

    /** Copies the characters {@code [start, end)} of this node to {@code out}. */
    abstract void appendTo(StringBuilder out, int start, int end);

    abstract RopeNode insert(int position, String text);

    /** Removes the characters {@code [start, end)}, a non-empty range. */
    abstract RopeNode delete(int start, int end);

    static RopeNode of(String text) {
        if (text.length() <= MAX_LEAF) {
            return text.isEmpty() ? EMPTY : new Leaf(text);
        }
        int leaves = (text.length() + MAX_LEAF - 1) / MAX_LEAF;
        return build(text, 0, leaves, leaves);
    }

    /** A perfectly balanced tree over leaves {@code [first, end)} of {@code leaves} equal slices of the text. */
    private static RopeNode build(String text, int first, int end, int leaves) {
        if (end - first == 1) {
            return new Leaf(text.substring(sliceStart(text, first, leaves), sliceStart(text, end, leaves)));
        }
        int middle = (first + end) >>> 1;
        return new Branch(build(text, first, middle, leaves), build(text, middle, end, leaves));
    }

    private static int sliceStart(String text, int leaf, int leaves) {
        return (int) ((long) text.length() * leaf / leaves);
    }

    static char charAt(RopeNode node, int index) {
        RopeNode current = node;
        int offset = index;
        while (current instanceof Branch branch) {
            if (offset < branch.left.length) {
                current = branch.left;
            } else {
                offset -= branch.left.length;
                current = branch.right;
            }
        }
        return ((Leaf) current).text.charAt(offset);
    }

    /** Concatenates two trees into a balanced one, in time proportional to their height difference. */
    static RopeNode join(RopeNode left, RopeNode right) {
        if (left.length == 0) {
            return right;
        }
        if (right.length == 0) {
            return left;
        }
        if (left.length <= MAX_LEAF - right.length) {
            StringBuilder text = new StringBuilder(left.length + right.length);
            left.appendTo(text, 0, left.length);
            right.appendTo(text, 0, right.length);
            return new Leaf(text.toString());
        }
        if (left.height > right.height + 1) {
            Branch l = (Branch) left;
            return balance(l.left, join(l.right, right));
        }
        if (right.height > left.height + 1) {
            Branch r = (Branch) right;
            return balance(join(left, r.left), r.right);
        }
        return new Branch(left, right);
    }

    /** A node over two balanced trees, rotated when their heights differ by two (the AVL cases). */
    private static RopeNode balance(RopeNode left, RopeNode right) {
        int difference = left.height - right.height;
        if (difference >= -1 && difference <= 1) {
            return new Branch(left, right);
        }
        if (difference == 2) {
            Branch l = (Branch) left;
            if (l.left.height >= l.right.height) {
                return new Branch(l.left, new Branch(l.right, right));
            }
            Branch lr = (Branch) l.right;
            return new Branch(new Branch(l.left, lr.left), new Branch(lr.right, right));
        }
        if (difference == -2) {
            Branch r = (Branch) right;
            if (r.right.height >= r.left.height) {
                return new Branch(new Branch(left, r.left), r.right);
            }
            Branch rl = (Branch) r.left;
            return new Branch(new Branch(left, rl.left), new Branch(rl.right, r.right));
        }
        // A subtree collapsed into a leaf by join can leave a larger gap; join closes it.
        return join(left, right);
    }

    static final class Leaf extends RopeNode {
        final String text;

        Leaf(String text) {
            super(text.length(), 0);
            this.text = text;
        }

        @Override
        void appendTo(StringBuilder out, int start, int end) {
            out.append(text, start, end);
        }

        @Override
        RopeNode insert(int position, String inserted) {
            String result = text.substring(0, position) + inserted + text.substring(position);
            return result.length() <= MAX_LEAF ? new Leaf(result) : of(result);
        }

        @Override
        RopeNode delete(int start, int end) {
            if (start == 0 && end == length) {
                return EMPTY;
            }
            return new Leaf(text.substring(0, start) + text.substring(end));
        }
    }

    static final class Branch extends RopeNode {
        final RopeNode left;
        final RopeNode right;

        Branch(RopeNode left, RopeNode right) {
            super(left.length + right.length, Math.max(left.height, right.height) + 1);
            this.left = left;
            this.right = right;
        }

        @Override
        void appendTo(StringBuilder out, int start, int end) {
            int split = left.length;
            if (start < split) {
                left.appendTo(out, start, Math.min(end, split));
            }
            if (end > split) {
                right.appendTo(out, Math.max(start - split, 0), end - split);
            }
        }

        @Override
        RopeNode insert(int position, String text) {
            if (position <= left.length) {
                return join(left.insert(position, text), right);
            }
            return join(left, right.insert(position - left.length, text));
        }

        @Override
        RopeNode delete(int start, int end) {
            if (start == 0 && end == length) {
                return EMPTY;
            }
            int split = left.length;
            RopeNode newLeft = start < split ? left.delete(start, Math.min(end, split)) : left;
            RopeNode newRight = end > split ? right.delete(Math.max(start - split, 0), end - split) : right;
            return join(newLeft, newRight);
        }
    }
}
