package io.pairpad.ot;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextOperationPropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        return Gen.texts();
    }

    @Property(tries = 3000)
    void transformedOperationsConverge(@ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        TextOperation a = Gen.operation(text, random);
        TextOperation b = Gen.operation(text, random);

        TextOperation.Transformed t = TextOperation.transform(a, b);

        assertEquals(t.bPrime().apply(a.apply(text)), t.aPrime().apply(b.apply(text)));
        assertEquals(a.compose(t.bPrime()), b.compose(t.aPrime()));
    }

    @Property(tries = 2000)
    void concurrentInsertsAtOnePlaceKeepTheFirstOperationsTextFirst(
            @ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        int at = random.nextInt(text.length() + 1);
        String first = "<" + Gen.text(random, 4) + ">";
        String second = "[" + Gen.text(random, 4) + "]";
        TextOperation a = insertion(text, at, first);
        TextOperation b = insertion(text, at, second);

        TextOperation.Transformed t = TextOperation.transform(a, b);
        String expected = text.substring(0, at) + first + second + text.substring(at);

        assertEquals(expected, t.bPrime().apply(a.apply(text)));
        assertEquals(expected, t.aPrime().apply(b.apply(text)));
    }

    @Property(tries = 3000)
    void composeHasTheEffectOfBothInTurn(@ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        TextOperation a = Gen.operation(text, random);
        String afterA = a.apply(text);
        TextOperation b = Gen.operation(afterA, random);

        TextOperation ab = a.compose(b);

        assertEquals(b.apply(afterA), ab.apply(text));
        assertEquals(text.length(), ab.baseLength());
        assertEquals(b.targetLength(), ab.targetLength());
    }

    @Property(tries = 3000)
    void invertUndoes(@ForAll("texts") String text, @ForAll long seed) {
        TextOperation op = Gen.operation(text, new Random(seed));

        TextOperation inverse = op.invert(text);

        assertEquals(text, inverse.apply(op.apply(text)));
        assertEquals(inverse, op.invert(Rope.of(text)));
    }

    @Property(tries = 3000)
    void applyingToARopeGivesTheSameTextAsToAString(@ForAll("texts") String text, @ForAll long seed) {
        TextOperation op = Gen.operation(text, new Random(seed));

        assertEquals(op.apply(text), op.apply(Rope.of(text)).toString());
    }

    @Property(tries = 3000)
    void jsonRoundTripGivesAnEqualOperation(@ForAll("texts") String text, @ForAll long seed) {
        TextOperation op = Gen.operation(text, new Random(seed));

        assertEquals(op, TextOperation.fromJson(op.toJson()));
    }

    @Property(tries = 3000)
    void everyBuiltOperationIsNormalised(@ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        TextOperation a = Gen.operation(text, random);
        TextOperation b = Gen.operation(text, random);
        TextOperation.Transformed t = TextOperation.transform(a, b);

        for (TextOperation op : new TextOperation[]{a, t.aPrime(), t.bPrime(), a.compose(t.bPrime()), a.invert(text)}) {
            assertNormalised(op);
        }
    }

    @Property(tries = 3000)
    void aCaretOnAKeptCharacterStaysOnIt(@ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        TextOperation op = Gen.operation(text, random);
        if (text.isEmpty()) {
            return;
        }
        int caret = random.nextInt(text.length());
        int kept = keptIndex(op, caret);

        int moved = op.transformPosition(caret);

        if (kept >= 0) {
            assertEquals(kept, moved);
            assertEquals(text.charAt(caret), op.apply(text).charAt(moved));
        }
        assertTrue(moved >= 0 && moved <= op.targetLength());
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
            assertTrue(part != 0 || !op.insertAt(i).isEmpty(), "empty insert in " + op);
            if (i > 0) {
                int previous = op.partAt(i - 1);
                assertTrue(Integer.signum(previous) != Integer.signum(part), "two adjacent parts of one kind in " + op);
                assertTrue(!(previous < 0 && part == 0), "delete before insert in " + op);
            }
        }
    }
}
