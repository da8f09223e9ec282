package io.pairpad.ot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mapping a caret through an operation on "abcde", as ot.js's Selection.Range.transform does. */
class TransformPositionTest {

    private static final TextOperation INSERT_XY_AT_2 = Ops.parse("[2, \"xy\", 3]");
    private static final TextOperation DELETE_BC = Ops.parse("[1, -2, 2]");

    @Test
    void anInsertBeforeTheCaretPushesItRight() {
        assertEquals(6, INSERT_XY_AT_2.transformPosition(4));
    }

    @Test
    void anInsertAfterTheCaretLeavesItAlone() {
        assertEquals(1, INSERT_XY_AT_2.transformPosition(1));
    }

    @Test
    void anInsertAtTheCaretLandsBeforeItUnlessAskedOtherwise() {
        assertEquals(4, INSERT_XY_AT_2.transformPosition(2));
        assertEquals(4, INSERT_XY_AT_2.transformPosition(2, true));
        assertEquals(2, INSERT_XY_AT_2.transformPosition(2, false));
    }

    @Test
    void anInsertAtTheEndMovesACaretThere() {
        assertEquals(6, Ops.parse("[5, \"!\"]").transformPosition(5));
        assertEquals(5, Ops.parse("[5, \"!\"]").transformPosition(5, false));
        assertEquals(1, Ops.parse("[\"!\", 5]").transformPosition(0));
    }

    @Test
    void aDeleteBeforeTheCaretPullsItLeft() {
        assertEquals(2, DELETE_BC.transformPosition(4));
        assertEquals(1, DELETE_BC.transformPosition(3));
    }

    @Test
    void aDeleteAroundTheCaretMovesItToWhereTheDeletionWas() {
        assertEquals(1, DELETE_BC.transformPosition(2));
    }

    @Test
    void aDeleteAfterTheCaretLeavesItAlone() {
        assertEquals(1, DELETE_BC.transformPosition(1));
        assertEquals(0, DELETE_BC.transformPosition(0));
    }

    @Test
    void aReplacementAroundTheCaretMovesItAfterTheNewText() {
        // ot.js counts the inserted "XYZ" and then the deletion of "bc" it precedes.
        assertEquals(4, Ops.parse("[1, \"XYZ\", -2, 2]").transformPosition(2));
    }

    @Test
    void aPositionOutsideTheTextIsClampedFirst() {
        assertEquals(7, INSERT_XY_AT_2.transformPosition(99));
        assertEquals(0, INSERT_XY_AT_2.transformPosition(-3));
    }
}
