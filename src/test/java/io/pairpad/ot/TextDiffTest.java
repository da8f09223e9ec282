package io.pairpad.ot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDiffTest {

    @Test
    void theDiffTurnsTheOldTextIntoTheNewOne() {
        Cases.check(0xD1FF_0001L, 3000, c -> {
            String oldText = c.input("oldText", Gen.text(c.random()));
            String newText = c.input("newText", Gen.text(c.random()));

            TextOperation op = TextDiff.between(oldText, newText);

            assertEquals(newText, op.apply(oldText));
            TextOperationPropertiesTest.assertNormalised(op);
        });
    }

    @Test
    void theDiffOfAnEditedTextRecoversTheEdit() {
        Cases.check(0xD1FF_0002L, 3000, c -> {
            String oldText = c.input("oldText", Gen.text(c.random()));
            String newText = c.input("newText", Gen.operation(oldText, c.random()).apply(oldText));

            TextOperation op = TextDiff.between(oldText, newText);

            assertEquals(newText, op.apply(oldText));
            TextOperationPropertiesTest.assertNormalised(op);
        });
    }

    @Test
    void neverSplitsASurrogatePair() {
        Cases.check(0xD1FF_0003L, 2000, c -> {
            Random random = c.random();
            // Half the texts are dense in pairs that differ only in their low surrogate, and a quarter of the new
            // texts are edits of the old one, so that the two often differ right inside a pair.
            String a = c.input("oldText", withoutLoneSurrogates(random.nextBoolean() ? Gen.pairText(random, 40) : Gen.text(random)));
            String b = c.input("newText", withoutLoneSurrogates(switch (random.nextInt(4)) {
                case 0 -> Gen.text(random);
                case 1 -> Gen.operation(a, random).apply(a);
                default -> Gen.pairText(random, 40);
            }));

            TextOperation op = TextDiff.between(a, b);

            int position = 0;
            for (int i = 0; i < op.partCount(); i++) {
                int part = op.partAt(i);
                if (part == 0) {
                    assertEquals(withoutLoneSurrogates(op.insertAt(i)), op.insertAt(i), () -> "lone surrogate inserted by " + op);
                }
                position += Math.abs(part);
                int at = position;
                assertTrue(at == 0 || at == a.length()
                                || !(Character.isHighSurrogate(a.charAt(at - 1)) && Character.isLowSurrogate(a.charAt(at))),
                        () -> "a part of " + op + " ends inside the surrogate pair at " + (at - 1));
            }
        });
    }

    @Test
    void anUnchangedTextGivesANoop() {
        assertTrue(TextDiff.between("same\ntext", "same\ntext").isNoop());
        assertTrue(TextDiff.between("", "").isNoop());
    }

    @Test
    void aSmallEditInALargeTextGivesASmallOperation() {
        String text = "line of some code here\n".repeat(45_000);
        String edited = text.substring(0, 500_000) + "xy" + text.substring(500_003);

        TextOperation op = TextDiff.between(text, edited);

        assertEquals(edited, op.apply(text));
        assertTrue(op.partCount() <= 5, op.toString());
        assertTrue(op.toString().length() < 60, op.toString());
    }

    @Test
    void twoPeopleEditingDifferentFunctionsBothKeepTheirChanges() {
        String old = """
                def greet(name):
                    return "hello " + name

                def add(a, b):
                    return a + b
                """;
        String first = old.replace("\"hello \"", "\"hi, \"");
        String second = old.replace("return a + b", "return sum((a, b))");
        String both = first.replace("return a + b", "return sum((a, b))");

        assertMerges(old, first, second, both);
    }

    @Test
    void deletingALineNextToALineEditedByTheOtherLooksAlike() {
        String old = "line 4\nline 5\nline 6\nline 7\n";
        String first = "line 4\nline 6\nline 7\n";
        String second = "line 4\nline 5\nLINE 6!\nline 7\n";

        assertMerges(old, first, second, "line 4\nLINE 6!\nline 7\n");
    }

    @Test
    void insertingALineBeforeALineTheOtherEdits() {
        String old = "a = 1\nb = 2\nc = 3\n";
        String first = "a = 1\nb = 2\nb2 = 22\nc = 3\n";
        String second = "a = 1\nb = 20\nc = 3\n";

        assertMerges(old, first, second, "a = 1\nb = 20\nb2 = 22\nc = 3\n");
    }

    @Test
    void removingABlockWhileTheOtherEditsTheLastLine() {
        String old = "header\n  one\n  two\n  three\nfooter";
        String first = "header\nfooter";
        String second = "header\n  one\n  two\n  three\nfooter!";

        assertMerges(old, first, second, "header\nfooter!");
    }

    @Test
    void editingTheFirstAndLastLinesOfWindowsText() {
        String old = "first\r\nmiddle\r\nlast\r\n";
        String first = "First line\r\nmiddle\r\nlast\r\n";
        String second = "first\r\nmiddle\r\nlast one\r\n";

        assertMerges(old, first, second, "First line\r\nmiddle\r\nlast one\r\n");
    }

    @Test
    void appendingWhileTheOtherTypesInTheFirstLine() {
        String old = "x\ny\n";
        String first = "x + 1\ny\n";
        String second = "x\ny\nz\n";

        assertMerges(old, first, second, "x + 1\ny\nz\n");
    }

    @Test
    void editsOfDisjointLinesBothSurvive() {
        Cases.check(0xD1FF_0004L, 2000, TextDiffTest::editsOfDisjointLinesBothSurvive);
    }

    private static void editsOfDisjointLinesBothSurvive(Cases.Case c) {
        Random random = c.random();
        IntSupplier ids = new IntSupplier() {
            private int next;

            @Override
            public int getAsInt() {
                return next++;
            }
        };
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(25);
        for (int i = 0; i < count; i++) {
            lines.add(line(random, ids.getAsInt()));
        }
        // Slot i is line i, or the end of the text when i == count; each slot goes to at most one person.
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, random);
        int firstCount = random.nextInt(Math.min(4, slots.size()) + 1);
        int secondCount = random.nextInt(Math.min(4, slots.size() - firstCount) + 1);
        LineEdits first = LineEdits.random(slots.subList(0, firstCount), count, random, ids);
        LineEdits second = LineEdits.random(slots.subList(firstCount, firstCount + secondCount), count, random, ids);

        assertMerges(c.input("old", String.join("", lines)), c.input("first", first.textOf(lines)),
                c.input("second", second.textOf(lines)), c.input("merged", second.textOnTopOf(first.toFlatLists(lines))));
    }

    @Test
    void pathologicalInputsStayFast() {
        Random random = new Random(7);
        String a = randomLines(random, 1_000_000);
        String b = randomLines(random, 1_000_000);
        String oneLineA = a.replace('\n', ' ');
        String oneLineB = b.replace('\n', ' ');
        String repeated = "ab\n".repeat(300_000);
        String repeatedOther = "ba\n".repeat(300_000);

        long started = System.nanoTime();
        assertEquals(b, TextDiff.between(a, b).apply(a));
        assertEquals(oneLineB, TextDiff.between(oneLineA, oneLineB).apply(oneLineA));
        assertEquals(repeatedOther, TextDiff.between(repeated, repeatedOther).apply(repeated));
        assertEquals(oneLineB, TextDiff.between(a, oneLineB).apply(a));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    private static void assertMerges(String old, String first, String second, String expected) {
        TextOperation a = TextDiff.between(old, first);
        TextOperation b = TextDiff.between(old, second);
        assertEquals(first, a.apply(old));
        assertEquals(second, b.apply(old));

        TextOperation.Transformed ab = TextOperation.transform(a, b);
        TextOperation.Transformed ba = TextOperation.transform(b, a);
        String context = "\nold: " + show(old) + "\nfirst: " + show(first) + "\nsecond: " + show(second)
                + "\nfirst's op: " + a + "\nsecond's op: " + b;

        assertEquals(expected, ab.bPrime().apply(first), () -> "first's edit then second's" + context);
        assertEquals(expected, ab.aPrime().apply(second), () -> "second's edit then first's" + context);
        assertEquals(expected, ba.aPrime().apply(first), () -> "first's edit then second's, second as a" + context);
        assertEquals(expected, ba.bPrime().apply(second), () -> "second's edit then first's, second as a" + context);
    }

    private static String show(String text) {
        return Ops.JSON.getNodeFactory().textNode(text).toString();
    }

    private static String line(Random random, int id) {
        String[] indents = {"", "    ", "\t", "    return "};
        String[] words = {"item", "value", "line ", "x"};
        String tail = Gen.text(random, 6).replace("\n", "").replace("\r", "");
        return indents[random.nextInt(indents.length)] + words[random.nextInt(words.length)] + id + tail + "\n";
    }

    private static String randomLines(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append((char) ('a' + random.nextInt(26)));
            if (random.nextInt(40) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> !Character.isSurrogate((char) c) || Character.isSupplementaryCodePoint(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** One person's edits of whole lines: each touched slot is modified, deleted, or gets new lines before it. */
    private record LineEdits(List<Integer> slots, List<String> actions, List<List<String>> newLines) {

        static LineEdits random(List<Integer> slots, int lineCount, Random random, IntSupplier ids) {
            List<String> actions = new ArrayList<>();
            List<List<String>> newLines = new ArrayList<>();
            for (int slot : slots) {
                String action = slot == lineCount ? "insert" : new String[]{"modify", "delete", "insert"}[random.nextInt(3)];
                actions.add(action);
                List<String> added = new ArrayList<>();
                int adding = action.equals("delete") ? 0 : action.equals("modify") ? 1 : 1 + random.nextInt(2);
                for (int i = 0; i < adding; i++) {
                    added.add(line(random, ids.getAsInt()));
                }
                newLines.add(added);
            }
            return new LineEdits(slots, actions, newLines);
        }

        /** Each original line's slot as the list of lines it turns into (the last slot holds lines appended at the end). */
        List<List<String>> toFlatLists(List<String> lines) {
            List<List<String>> result = new ArrayList<>();
            for (int slot = 0; slot <= lines.size(); slot++) {
                List<String> replaced = new ArrayList<>();
                int edit = slots.indexOf(slot);
                String original = slot < lines.size() ? lines.get(slot) : null;
                if (edit < 0) {
                    if (original != null) {
                        replaced.add(original);
                    }
                } else if (actions.get(edit).equals("insert")) {
                    replaced.addAll(newLines.get(edit));
                    if (original != null) {
                        replaced.add(original);
                    }
                } else if (actions.get(edit).equals("modify")) {
                    replaced.addAll(newLines.get(edit));
                }
                result.add(replaced);
            }
            return result;
        }

        String textOf(List<String> lines) {
            return String.join("", toFlatLists(lines).stream().flatMap(List::stream).toList());
        }

        /** Applies these edits on top of another person's, slot by slot. */
        String textOnTopOf(List<List<String>> otherEdited) {
            StringBuilder text = new StringBuilder();
            for (int slot = 0; slot < otherEdited.size(); slot++) {
                int edit = slots.indexOf(slot);
                List<String> theirs = otherEdited.get(slot);
                if (edit < 0) {
                    theirs.forEach(text::append);
                } else if (actions.get(edit).equals("insert")) {
                    newLines.get(edit).forEach(text::append);
                    theirs.forEach(text::append);
                } else if (actions.get(edit).equals("modify")) {
                    newLines.get(edit).forEach(text::append);
                }
            }
            return text.toString();
        }
    }
}
