package io.pairpad.ot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RopeTest {

    @Test
    void editsLeaveTheOriginalUntouched() {
        Rope hello = Rope.of("hello world");

        Rope edited = hello.delete(6, 5).insert(6, "there");

        assertEquals("hello world", hello.toString());
        assertEquals("hello there", edited.toString());
        assertEquals('t', edited.charAt(6));
        assertEquals("lo th", edited.substring(3, 8));
        assertEquals("lo th", edited.subSequence(3, 8).toString());
    }

    @Test
    void emptyEditsReturnTheSameRope() {
        Rope rope = Rope.of("abc");

        assertSame(rope, rope.insert(1, ""));
        assertSame(rope, rope.delete(1, 0));
        assertEquals(0, Rope.empty().length());
        assertEquals("", Rope.of("").toString());
    }

    @Test
    void rejectsPositionsOutsideTheText() {
        Rope rope = Rope.of("abc");

        assertThrows(IndexOutOfBoundsException.class, () -> rope.insert(4, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.insert(-1, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.delete(2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.delete(1, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.delete(1, Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.charAt(3));
        assertThrows(IndexOutOfBoundsException.class, () -> rope.substring(2, 1));
    }

    @Test
    void aLargeTextIsSplitIntoBalancedLeaves() {
        String text = "0123456789".repeat(100_000);

        Rope rope = Rope.of(text);

        assertEquals(text, rope.toString());
        assertEquals(text.substring(499_990, 500_123), rope.substring(499_990, 500_123));
        RopeInvariants.check(rope);
        int leaves = (text.length() + RopeNode.MAX_LEAF - 1) / RopeNode.MAX_LEAF;
        int balanced = 32 - Integer.numberOfLeadingZeros(leaves - 1);
        assertTrue(rope.height() <= balanced + 1, "height " + rope.height() + " for " + leaves + " leaves");
    }

    /** Sequences of 60 random edits, from texts of up to {@code scale} pieces, with inserts of up to as many. */
    @ParameterizedTest(name = "texts of up to {0} pieces, {1} cases")
    @CsvSource({"10, 300", "500, 300", "5000, 150", "60000, 125"})
    void randomEditsMatchAStringBuilder(int scale, int cases) {
        Cases.check(0x120FE_0000L + scale, cases, c -> randomEditsMatchAStringBuilder(c, scale));
    }

    private static void randomEditsMatchAStringBuilder(Cases.Case c, int scale) {
        Random random = c.random();
        String start = c.input("start", Gen.text(random, scale));
        List<Edit> edits = c.input("edits", new ArrayList<>());
        Rope rope = Rope.of(start);
        StringBuilder model = new StringBuilder(start);

        for (int step = 0; step < 60; step++) {
            int position = random.nextInt(model.length() + 1);
            if (random.nextBoolean()) {
                String inserted = random.nextInt(10) == 0 ? Gen.text(random, scale) : Gen.text(random, 4);
                edits.add(new Edit(position, inserted, 0));
                rope = rope.insert(position, inserted);
                model.insert(position, inserted);
            } else {
                int count = random.nextInt(10) == 0
                        ? random.nextInt(model.length() - position + 1)
                        : Math.min(random.nextInt(4), model.length() - position);
                edits.add(new Edit(position, null, count));
                rope = rope.delete(position, count);
                model.delete(position, position + count);
            }
            RopeInvariants.check(rope);
            assertEquals(model.length(), rope.length());
            if (model.length() > 0) {
                int index = random.nextInt(model.length());
                assertEquals(model.charAt(index), rope.charAt(index));
                int end = index + random.nextInt(model.length() - index + 1);
                assertEquals(model.substring(index, end), rope.substring(index, end));
            }
        }
        assertEquals(model.toString(), rope.toString());
    }

    /** One step of a random edit sequence: an insert when {@code inserted} is not null, else a delete. */
    private record Edit(int position, String inserted, int deleted) {

        @Override
        public String toString() {
            return inserted != null ? "insert(" + position + ", " + Cases.show(inserted) + ")"
                    : "delete(" + position + ", " + deleted + ")";
        }
    }

    @Test
    void aLongTypingSessionStaysShallow() {
        Random random = new Random(42);
        Rope rope = Rope.empty();
        StringBuilder model = new StringBuilder();

        for (int i = 0; i < 100_000; i++) {
            int position = random.nextInt(rope.length() + 1);
            char typed = (char) ('a' + random.nextInt(26));
            rope = rope.insert(position, String.valueOf(typed));
            model.insert(position, typed);
        }

        assertEquals(model.toString(), rope.toString());
        RopeInvariants.check(rope);
        // Leaves at least half full; an AVL tree over n of them is at most ~1.44 log2(n) high.
        int leaves = 2 * rope.length() / RopeNode.MAX_LEAF;
        double avlBound = 1.44 * Math.log(leaves) / Math.log(2) + 1;
        assertTrue(rope.height() <= avlBound, "height " + rope.height() + " for up to " + leaves + " leaves");
    }

    @Test
    void typingAndDeletingAtOnePlaceStaysShallow() {
        Rope rope = Rope.of("x".repeat(1_000_000));

        for (int i = 0; i < 50_000; i++) {
            rope = rope.insert(500_000, "ab").delete(500_001, 1);
            rope = rope.delete(250_000, 1);
        }

        RopeInvariants.check(rope);
        assertEquals(1_000_000, rope.length());
        assertTrue(rope.height() <= 14, "height " + rope.height());
    }
}
