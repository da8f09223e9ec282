package io.pairpad.ot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed cases, following what ot.js's text-operation.js does with the same input. */
class TextOperationTest {

    private static TextOperation op(String json) {
        return Ops.parse(json);
    }

    @Test
    void appliesTheProtocolExample() {
        assertEquals("hello there", op("[6, -5, \"there\"]").apply("hello world"));
    }

    @Test
    void builderMergesAdjacentPartsAndPutsInsertBeforeDelete() {
        TextOperation built = TextOperation.builder()
                .retain(2).retain(3).retain(0)
                .delete(1).insert("ab").delete(2).insert("c").insert("")
                .retain(1).build();

        assertEquals("[5,\"abc\",-3,1]", built.toString());
        assertEquals(9, built.baseLength());
        assertEquals(9, built.targetLength());
    }

    @Test
    void countsLengthsInUtf16CodeUnits() {
        TextOperation insertEmoji = op("[1, \"😀\"]");

        assertEquals(1, insertEmoji.baseLength());
        assertEquals(3, insertEmoji.targetLength());
        assertEquals("a😀", insertEmoji.apply("a"));
        assertEquals("a", op("[1, -2]").apply("a😀"));
    }

    @Test
    void recognisesNoops() {
        assertTrue(TextOperation.builder().build().isNoop());
        assertTrue(op("[5]").isNoop());
        assertFalse(op("[5, \"x\"]").isNoop());
        assertFalse(op("[-1]").isNoop());
    }

    @Test
    void rejectsATextOfTheWrongLength() {
        InvalidOperationException e = assertThrows(InvalidOperationException.class, () -> op("[3]").apply("ab"));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
        assertThrows(InvalidOperationException.class, () -> op("[3]").apply(Rope.of("abcd")));
        assertThrows(InvalidOperationException.class, () -> op("[-3]").invert("ab"));
    }

    @Test
    void rejectsComposingOrTransformingMismatchedOperations() {
        assertThrows(InvalidOperationException.class, () -> op("[1, \"x\"]").compose(op("[1]")));
        assertThrows(InvalidOperationException.class, () -> TextOperation.transform(op("[1]"), op("[2]")));
    }

    @Test
    void transformOfTwoInsertsIntoAnEmptyTextPutsTheFirstOperationsTextFirst() {
        TextOperation.Transformed t = TextOperation.transform(op("[\"a\"]"), op("[\"b\"]"));

        assertEquals(op("[\"a\", 1]"), t.aPrime());
        assertEquals(op("[1, \"b\"]"), t.bPrime());
        assertEquals("ab", t.bPrime().apply("a"));
        assertEquals("ab", t.aPrime().apply("b"));
    }

    @Test
    void transformOfAnInsertInsideARangeDeletedConcurrently() {
        TextOperation.Transformed t = TextOperation.transform(op("[1, \"x\", 2]"), op("[-3]"));

        assertEquals(op("[\"x\"]"), t.aPrime());
        assertEquals(op("[-1, 1, -2]"), t.bPrime());
        assertEquals("x", t.bPrime().apply("axbc"));
    }

    @Test
    void transformOfOverlappingDeletesDeletesEachCharacterOnce() {
        // "abcdef": a deletes "bcd", b deletes "cde".
        TextOperation.Transformed t = TextOperation.transform(op("[1, -3, 2]"), op("[2, -3, 1]"));

        assertEquals(op("[1, -1, 1]"), t.aPrime());
        assertEquals(op("[1, -1, 1]"), t.bPrime());
        assertEquals("af", t.aPrime().apply("abf"));
    }

    @Test
    void composeMergesConsecutiveTyping() {
        TextOperation typed = op("[3, \"x\"]").compose(op("[4, \"y\"]")).compose(op("[-1, 4]"));

        assertEquals(op("[-1, 2, \"xy\"]"), typed);
        assertEquals("bcxy", typed.apply("abc"));
    }

    @Test
    void composeCancelsAnInsertThatIsThenDeleted() {
        assertEquals(op("[2]"), op("[1, \"xyz\", 1]").compose(op("[1, -3, 1]")));
    }

    @Test
    void invertTurnsInsertsIntoDeletesAndBack() {
        assertEquals(op("[6, \"world\", -5]"), op("[6, -5, \"there\"]").invert("hello world"));
    }

    @Test
    void equalityIsStructural() {
        assertEquals(op("[1, \"a\"]"), op("[1, \"a\"]"));
        assertEquals(op("[1, \"a\"]").hashCode(), op("[1, \"a\"]").hashCode());
        assertNotEquals(op("[1, \"a\"]"), op("[1, \"b\"]"));
        assertNotEquals(op("[1, \"a\"]"), op("[\"a\", 1]"));
    }
}
