package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NgramTableTest {
    static final String PYTHON = "import os  # the system\n\nclass Item:\n    \"\"\"An item\n    with a name.\"\"\"\n"
            + "    def __init__(self, name):\n        self.name = name  # keep it\n        self.size = len(name)\n\n"
            + "    # a comment line\n    def describe(self, prefix=''):\n        if self.size > 10:\n"
            + "            return f\"{prefix}{self.name}\"\n        return self.name.upper() + 'a very long string literal here'\n";
    static final String JAVA = "/** A thing. */\npublic class Item {\n    private final String name; // its name\n\n"
            + "    public Item(String name) {\n        this.name = name;\n    }\n\n    /* block\n       comment */\n"
            + "    String describe() {\n        return \"item \" + name.toUpperCase();\n    }\n}\n";

    /** Counted straight from the tokens, a chunk's table is the one of its model stream's strings. */
    @Test
    void aChunkCountedFromTokensIsTheTableOfItsStream() {
        for (String[] doc : new String[][] {{"python", PYTHON}, {"java", JAVA}, {"javascript", JAVA}}) {
            Tokens t = LanguageSpec.of(doc[0]).lexer.lex(doc[1]);
            LineIndex lines = t.lines();
            for (int from = 0; from < lines.count; from++) {
                for (int to = from + 1; to <= lines.count; to++) {
                    for (int prev : new int[] {-1, 0, 4}) {
                        List<String> prose = new ArrayList<>();
                        List<String> s = ModelStream.lines(t, lines, from, to, prev, prose);
                        NgramTable expected = NgramTable.build(s.toArray(new String[0]), s.size(),
                                new TreeSet<>(prose).toArray(new String[0]));
                        assertSame(expected, ChunkCounter.count(t, lines, from, to, prev), doc[0] + " " + from + ".." + to);
                    }
                }
            }
        }
    }

    /** Seeded random streams against a plain count: contexts by key, next tokens by count then by text. */
    @Test
    void countsEveryContextOfUpToThreeTokens() {
        Random random = new Random(20_261_126);
        String[] words = {"a", "b", "c", "self", ".", "(", ")", "=", "x", "\n"};
        for (int round = 0; round < 100; round++) {
            String[] stream = new String[random.nextInt(300)];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = words[random.nextInt(random.nextBoolean() ? 3 : words.length)];
            }
            NgramTable table = NgramTable.build(stream, stream.length, new String[0]);
            Map<Long, Map<String, Integer>> plain = new TreeMap<>();
            Map<String, Integer> unigrams = new TreeMap<>();
            for (int i = 0; i < stream.length; i++) {
                unigrams.merge(stream[i], 1, Integer::sum);
                long h = 0;
                for (int k = 1; k <= NgramTable.MAX_CONTEXT && i - k >= 0; k++) {
                    h = NgramTable.extendContext(h, Hash64.of(stream[i - k]), k);
                    plain.computeIfAbsent(h, x -> new TreeMap<>()).merge(stream[i], 1, Integer::sum);
                }
            }
            assertEquals(List.copyOf(unigrams.keySet()), Arrays.asList(table.vocab));
            assertArrayEquals(unigrams.values().stream().mapToInt(Integer::intValue).toArray(), table.unigram);
            assertArrayEquals(plain.keySet().stream().mapToLong(Long::longValue).toArray(), table.ctxKeys);
            int c = 0;
            for (Map<String, Integer> next : plain.values()) {
                List<Map.Entry<String, Integer>> want = new ArrayList<>(next.entrySet());
                want.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey));
                List<String> got = new ArrayList<>();
                for (int k = table.ctxStart[c]; k < table.ctxStart[c + 1]; k++) {
                    got.add(table.vocab[table.nextTok[k]] + "=" + table.nextCount[k]);
                }
                assertEquals(want.stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), got, "round " + round);
                c++;
            }
        }
    }

    private static void assertSame(NgramTable a, NgramTable b, String what) {
        assertEquals(Arrays.asList(a.vocab), Arrays.asList(b.vocab), what);
        assertArrayEquals(a.unigram, b.unigram, what);
        assertArrayEquals(a.ctxKeys, b.ctxKeys, what);
        assertArrayEquals(a.ctxStart, b.ctxStart, what);
        assertArrayEquals(a.nextTok, b.nextTok, what);
        assertArrayEquals(a.nextCount, b.nextCount, what);
        assertEquals(Arrays.asList(a.proseWords), Arrays.asList(b.proseWords), what);
    }
}
