package io.pairpad.ot;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextOperationPropertiesTest {

    @Test
    void transformedOperationsConverge() {
        Cases.check(0x7A4E5F0E01L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation a = c.input("a", Gen.operation(text, c.random()));
            TextOperation b = c.input("b", Gen.operation(text, c.random()));

            TextOperation.Transformed t = TextOperation.transform(a, b);

            assertEquals(t.bPrime().apply(a.apply(text)), t.aPrime().apply(b.apply(text)));
            assertEquals(a.compose(t.bPrime()), b.compose(t.aPrime()));
        });
    }

    @Test
    void concurrentInsertsAtOnePlaceKeepTheFirstOperationsTextFirst() {
        Cases.check(0x7A4E5F0E02L, 2000, c -> {
            Random random = c.random();
            String text = c.input("text", Gen.text(random));
            int at = c.input("at", random.nextInt(text.length() + 1));
            String first = c.input("first", "<" + Gen.text(random, 4) + ">");
            String second = c.input("second", "[" + Gen.text(random, 4) + "]");
            TextOperation a = insertion(text, at, first);
            TextOperation b = insertion(text, at, second);

            TextOperation.Transformed t = TextOperation.transform(a, b);
            String expected = text.substring(0, at) + first + second + text.substring(at);

            assertEquals(expected, t.bPrime().apply(a.apply(text)));
            assertEquals(expected, t.aPrime().apply(b.apply(text)));
        });
    }

    @Test
    void composeHasTheEffectOfBothInTurn() {
        Cases.check(0x7A4E5F0E03L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation a = c.input("a", Gen.operation(text, c.random()));
            String afterA = a.apply(text);
            TextOperation b = c.input("b", Gen.operation(afterA, c.random()));

            TextOperation ab = a.compose(b);

            assertEquals(b.apply(afterA), ab.apply(text));
            assertEquals(text.length(), ab.baseLength());
            assertEquals(b.targetLength(), ab.targetLength());
        });
    }

    @Test
    void invertUndoes() {
        Cases.check(0x7A4E5F0E04L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation op = c.input("op", Gen.operation(text, c.random()));

            TextOperation inverse = op.invert(text);

            assertEquals(text, inverse.apply(op.apply(text)));
            assertEquals(inverse, op.invert(Rope.of(text)));
        });
    }

    @Test
    void applyingToARopeGivesTheSameTextAsToAString() {
        Cases.check(0x7A4E5F0E05L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation op = c.input("op", Gen.operation(text, c.random()));

            assertEquals(op.apply(text), op.apply(Rope.of(text)).toString());
        });
    }

    @Test
    void jsonRoundTripGivesAnEqualOperation() {
        Cases.check(0x7A4E5F0E06L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation op = c.input("op", Gen.operation(text, c.random()));

            assertEquals(op, TextOperation.fromJson(op.toJson()));
            assertEquals(op, Ops.parse(Ops.JSON.writeValueAsString(op)));
        });
    }

    @Test
    void everyBuiltOperationIsNormalised() {
        Cases.check(0x7A4E5F0E07L, 3000, c -> {
            String text = c.input("text", Gen.text(c.random()));
            TextOperation a = c.input("a", Gen.operation(text, c.random()));
            TextOperation b = c.input("b", Gen.operation(text, c.random()));
            TextOperation.Transformed t = TextOperation.transform(a, b);

            for (TextOperation op : new TextOperation[]{a, t.aPrime(), t.bPrime(), a.compose(t.bPrime()), a.invert(text)}) {
                assertNormalised(op);
            }
        });
    }

    @Test
    void aCaretOnAKeptCharacterStaysOnIt() {
        Cases.check(0x7A4E5F0E08L, 3000, c -> {
            Random random = c.random();
            String text = c.input("text", Gen.text(random));
            TextOperation op = c.input("op", Gen.operation(text, random));
            int caret = c.input("caret", random.nextInt(text.length() + 1));
            int kept = caret < text.length() ? keptIndex(op, caret) : -1;

            int moved = op.transformPosition(caret);

            if (kept >= 0) {
                assertEquals(kept, moved);
                assertEquals(text.charAt(caret), op.apply(text).charAt(moved));
            }
            if (caret == text.length()) {
                assertEquals(op.targetLength(), moved, "a caret at the end stays at the end");
            }
            assertTrue(moved >= 0 && moved <= op.targetLength(), "moved to " + moved);
        });
    }

    /** Where the character at {@code index} ends up, or -1 when the operation deletes it; found by brute force. */
    private static int keptIndex(TextOperation op, int index) {
        int source = 0;
        int target = 0;
        for (int i = 0; i < op.partCount(); i++) {
            int part = op.partAt(i);
            if (part == 0) {
                target += op.insertAt(i).length();
            } else if (part > 0) {
                if (index < source + part) {
                    return target + index - source;
                }
                source += part;
                target += part;
            } else {
                if (index < source - part) {
                    return -1;
                }
                source -= part;
            }
        }
        throw new AssertionError("index beyond the operation");
    }

    private static TextOperation insertion(String text, int at, String inserted) {
        return TextOperation.builder().retain(at).insert(inserted).retain(text.length() - at).build();
    }

    static void assertNormalised(TextOperation op) {
        for (int i = 0; i < op.partCount(); i++) {
            int part = op.partAt(i);
            assertTrue(part != 0 || !op.insertAt(i).isEmpty(), () -> "empty insert in " + op);
            if (i > 0) {
                int previous = op.partAt(i - 1);
                assertTrue(Integer.signum(previous) != Integer.signum(part), () -> "two adjacent parts of one kind in " + op);
                assertTrue(!(previous < 0 && part == 0), () -> "delete before insert in " + op);
            }
        }
    }
}
