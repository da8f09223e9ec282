package io.pairpad.complete;

import io.pairpad.Languages;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutocompleteServiceTest {
    static final AutocompleteService SVC = new AutocompleteService();

    /** Completes at the "|" in src. */
    static Suggestion at(String lang, String src) {
        int cur = src.indexOf('|');
        String code = src.substring(0, cur) + src.substring(cur + 1);
        return SVC.complete(code, cur, lang);
    }

    static boolean offers(Suggestion s, String label) {
        return s.alternatives().stream().anyMatch(a -> a.label().equals(label));
    }

    @Test
    void completesTheWordBeingTyped() {
        Suggestion s = at("python", "def handle_request(req):\n    return req\n\nhandle_request(1)\nhandle_re|\n");
        assertEquals("quest", s.suggestion().substring(0, 5));
        assertTrue(s.confidence() > 0.5, s.toString());
    }

    /** A builtin the pad does not use (Python's compile) must not come before the pad's own function. */
    @Test
    void inAPadOfAFewLinesItsOwnFunctionIsSuggested() {
        assertEquals("ute_total", at("python",
                "def compute_total(items):\n    return sum(items)\n\nresult = comp|").suggestion());
        assertEquals("uteTotal", at("java", "public class Cart {\n    private int computeTotal(int[] items) {\n"
                + "        int sum = 0;\n        for (int i : items) sum += i;\n        return sum;\n    }\n\n"
                + "    void show(int[] items) {\n        int total = comp|\n    }\n}\n").suggestion());
        assertEquals("erList", at("javascript", "function renderList(items) {\n"
                + "  return items.map(i => `<li>${i}</li>`).join(\"\");\n}\n\nconst html = rend|").suggestion());
    }

    @Test
    void aKeywordIsOfferedAsAKeywordWhereverTheModelFoundIt() {
        String twoTries = "def f(x):\n    try:\n        return g(x)\n    except ValueError:\n        return None\n\n\n"
                + "def h(x):\n    try:\n        return g(x)\n    |\n";
        Suggestion s = at("python", twoTries);
        assertEquals("except", s.alternatives().get(0).label(), s.toString());
        for (Suggestion.Alternative a : s.alternatives()) {
            if (LanguageSpec.of("python").isKeyword(a.label())) {
                assertEquals("keyword", a.kind(), a.toString());
            }
        }
    }

    @Test
    void nothingInsideACommentOrStringUnlessTheWordIsUsedInOne() {
        String code = "value_of_thing = 1\nvalue_of_thing = 2\n# a comment about |\n";
        assertEquals("", at("python", code.replace("about |", "about val|")).suggestion());
        Suggestion s = at("python", "x = 1  # remember the frobnicator\ny = 2\n# the frob|\n");
        assertEquals("nicator", s.suggestion());
        assertEquals("", at("javascript", "const identifier = 1;\nconst s = 'iden|';\n").suggestion());
        assertEquals("", at("java", "int counter = 0;\n/* coun| */\n").suggestion());
    }

    @Test
    void membersAfterSelfThisAndAReceiver() {
        String py = "class A:\n    def __init__(self):\n        self.connection = None\n        self.counter = 0\n\n"
                + "    def run(self):\n        self.connection.close()\n        self.c|\n";
        Suggestion s = at("python", py);
        assertTrue(offers(s, "connection") && offers(s, "counter"), s.toString());
        String js = "class A {\n  constructor() { this.items = []; this.size = 0; }\n  add(x) { this.items.push(x); this.|\n";
        assertTrue(offers(at("javascript", js), "items"), at("javascript", js).toString());
        String java = "class A {\n  void f(Builder builder) {\n    builder.append(1);\n    builder.append(2);\n    builder.|\n  }\n}\n";
        Suggestion j = at("java", java);
        assertEquals("append", j.alternatives().get(0).label(), j.toString());
    }

    @Test
    void parametersOfTheEnclosingFunction() {
        Suggestion p = at("python", "def area(width_in_cm, height_in_cm):\n    return wi|\n");
        assertTrue(offers(p, "width_in_cm"), p.toString());
        Suggestion j = at("java", "class A {\n  int area(int widthInCm, int heightInCm) {\n    return widthInCm * hei|\n  }\n}\n");
        assertTrue(j.suggestion().startsWith("ghtInCm"), j.toString());
        Suggestion js = at("javascript", "function area(widthInCm, heightInCm) {\n  return hei|\n}\n");
        assertTrue(offers(js, "heightInCm"), js.toString());
    }

    @Test
    void snippets() {
        assertEquals("name__ == \"__main__\":", at("python", "def main():\n    pass\n\n\nif __|\n").suggestion());
        assertEquals("name__ == '__main__':", at("python", "x = 'a'\ny = 'b'\nif __|\n").suggestion());
        assertEquals("i < ", at("java", "class A {\n  void f(int n) {\n    for (int i = 0; |\n  }\n}\n").suggestion());
        assertEquals("i++) {", at("javascript", "for (let i = 0; i < n; |\n").suggestion());
        assertEquals(" != nil {", at("go", "func f() error {\n\terr := g()\n\tif err|\n}\n").suggestion());
    }

    @Test
    void noGhostTextInsideAWord() {
        Suggestion s = at("python", "handle_request = 1\nhandle_request = 2\nhandle_re|quest\n");
        assertEquals("", s.suggestion());
        assertEquals(0.0, s.confidence());
    }

    /** A service whose bar for suggestions of several tokens is lower than the shipped one. */
    static final AutocompleteService EAGER = eager();

    static AutocompleteService eager() {
        SuggestionBuilder.Policy p = Tuning.load();
        p.extendShow = 0.8;
        return new AutocompleteService(AutocompleteService.loadPriors(), Ranker.load(), Calibration.load(), p);
    }

    @Test
    void extendsPastTheWordWhenConfident() {
        StringBuilder sb = new StringBuilder("import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n");
        for (int i = 0; i < 12; i++) {
            sb.append("        self.assertEqual(").append(i % 2 == 0 ? "f" : "g").append(i).append("(), ").append(i).append(")\n");
        }
        sb.append("        self.assertEq|\n");
        String py = sb.toString();
        int cur = py.indexOf('|');
        Suggestion s = EAGER.complete(py.substring(0, cur) + py.substring(cur + 1), cur, "python");
        assertEquals("ual(", s.suggestion(), s.toString());
        StringBuilder j = new StringBuilder("class A {\n  void f() {\n");
        for (int i = 0; i < 10; i++) {
            j.append("    System.out.println(").append(i).append(");\n");
        }
        j.append("    System.out.printl|\n  }\n}\n");
        String java = j.toString();
        int jc = java.indexOf('|');
        Suggestion js = EAGER.complete(java.substring(0, jc) + java.substring(jc + 1), jc, "java");
        assertEquals("n(", js.suggestion(), js.toString());
    }

    @Test
    void calibrationIsMonotoneAndWithinZeroAndOne() {
        Calibration c = Calibration.load();
        for (ContextClass cls : ContextClass.values()) {
            for (String how : List.of("full", "pre", "full+", "exact", "exact+", "snippet")) {
                double prev = -1;
                for (int i = 0; i <= 1000; i++) {
                    double y = c.apply(cls, how, i / 1000.0);
                    assertTrue(y >= 0 && y <= 1, cls + "/" + how + " " + y);
                    assertTrue(y >= prev - 1e-12, cls + "/" + how + " not monotone at " + i);
                    prev = y;
                }
                assertTrue(c.apply(cls, how, -5) >= 0 && c.apply(cls, how, 7) <= 1);
                assertTrue(c.apply(cls, how, Double.NaN) >= 0);
            }
        }
    }

    @Test
    void answersAreWellFormed() {
        for (String lang : Languages.ALL) {
            Suggestion s = SVC.complete("foo = 1\nfoo.bar()\nfo", 20, lang);
            assertNotNull(s.suggestion());
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1);
            assertTrue(s.alternatives().size() <= 10);
            if (s.suggestion().isEmpty()) {
                assertEquals(0.0, s.confidence());
            }
        }
    }

    @Test
    void unknownLanguageAndBadCursorDoNotThrow() {
        assertNotNull(SVC.complete("abc", 99, "klingon"));
        assertNotNull(SVC.complete("abc", -3, null));
        assertNotNull(SVC.complete(null, 0, "python"));
        assertNotNull(SVC.complete("", 0, "java"));
    }

    @Test
    void aLongDocumentAnswersRepeatedRequestsQuickly() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("    value_").append(i % 97).append(" = compute(item_").append(i).append(", factor)  # step\n");
        }
        String doc = sb.toString();
        int mid = doc.length() / 2;
        mid = doc.indexOf('\n', mid) + 1;
        String word = "    result = comp";
        // warm up, then type a word one key at a time
        for (int i = 0; i < 30; i++) {
            SVC.complete(doc.substring(0, mid) + word + doc.substring(mid), mid + word.length(), "python");
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        int n = 0;
        for (int r = 0; r < 5; r++) {
            for (int k = 1; k <= word.length(); k++) {
                String code = doc.substring(0, mid) + word.substring(0, k) + doc.substring(mid);
                SVC.complete(code, mid + k, "python");
                n++;
            }
        }
        // CPU time of this thread, so that other work on a shared machine does not count;
        // a sanity bound only: the real figures are in bench/RESULTS-autocomplete.md
        double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / n;
        assertTrue(ms < 50, "mean " + ms + " ms of CPU per request");
    }

    /** Seeded random inputs: any unicode, code-like text, and runs of lone surrogates, at any cursor. */
    @Test
    void neverThrowsOnAnyInput() {
        Random random = new Random(20261126);
        String codeish = "abcxyz_$ \t\n\r\"'`#/*\\{}()[].,;:=+-<>!?@%0123456789fr";
        for (int i = 0; i < 400; i++) {
            StringBuilder code = new StringBuilder();
            int kind = random.nextInt(3);
            int length = random.nextInt(kind == 1 ? 400 : 300);
            for (int j = 0; j < length; j++) {
                switch (kind) {
                    case 0 -> code.append((char) random.nextInt(Character.MAX_VALUE + 1));
                    case 1 -> code.append(codeish.charAt(random.nextInt(codeish.length())));
                    default -> code.append((char) ('\uD800' + random.nextInt(0x800)));
                }
            }
            if (kind == 2) {
                code.insert(0, 'x').append("y.z");
            }
            int cursor = Math.min(random.nextInt(1001), code.length());
            String language = Languages.ALL.get(random.nextInt(Languages.ALL.size()));
            Suggestion s = SVC.complete(code.toString(), cursor, language);
            String context = "case " + i + " (" + language + ", cursor " + cursor + ")";
            assertNotNull(s, context);
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1 && !Double.isNaN(s.confidence()), context);
            assertTrue(s.alternatives().size() <= 10, context);
            for (Suggestion.Alternative a : s.alternatives()) {
                assertTrue(a.confidence() >= 0 && a.confidence() <= 1, context);
            }
        }
    }

    @Test
    void typingAtTheEndOfAVeryLongLineStaysCheap() {
        StringBuilder sb = new StringBuilder("var a=[");
        for (int i = 0; i < 60000; i++) {
            sb.append("f(").append(i % 100).append("),");
        }
        String line = sb.toString();
        SVC.complete(line + "f", line.length() + 1, "javascript");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < 5; k++) {
            String code = line + "f(" + k;
            assertNotNull(SVC.complete(code, code.length(), "javascript"));
        }
        double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / 5;
        assertTrue(ms < 300, "mean " + ms + " ms of CPU per request on a 600,000-character line");
    }

    @Test
    void hugeLinesAndUnclosedConstructs() {
        String huge = "x".repeat(300_000);
        assertNotNull(SVC.complete(huge, huge.length(), "javascript"));
        String open = "s = \"\"\"never closed\n" + "word ".repeat(10000);
        assertNotNull(SVC.complete(open, open.length(), "python"));
        String tpl = "`${".repeat(5000);
        assertNotNull(SVC.complete(tpl, tpl.length(), "typescript"));
        String deep = "f\"{".repeat(3000);
        assertNotNull(SVC.complete(deep, deep.length(), "python"));
    }

    @Test
    void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
        AutocompleteService fresh = new AutocompleteService();
        List<String[]> reqs = new java.util.ArrayList<>();
        String[] docs = {
            "import os\n\ndef walk(root, depth):\n    for name in os.listdir(root):\n        path = os.path.join(root, name)\n",
            "class A {\n  private int count;\n  void inc() { this.count++; }\n  int get() { return this.count; }\n}\n",
            "const fs = require('fs');\nfunction read(p) {\n  return fs.readFileSync(p, 'utf8');\n}\n",
        };
        String[] langs = {"python", "java", "javascript"};
        for (int d = 0; d < docs.length; d++) {
            for (int c = 1; c < docs[d].length(); c += 3) {
                reqs.add(new String[] {docs[d], String.valueOf(c), langs[d]});
            }
        }
        List<Suggestion> expected = new java.util.ArrayList<>();
        for (String[] r : reqs) {
            expected.add(fresh.complete(r[0].substring(0, Integer.parseInt(r[1])) + r[0].substring(Integer.parseInt(r[1])),
                    Integer.parseInt(r[1]), r[2]));
        }
        AutocompleteService shared = new AutocompleteService();
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Suggestion>> fs = new java.util.ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String[] r : reqs) {
                    fs.add(ex.submit(() -> shared.complete(r[0], Integer.parseInt(r[1]), r[2])));
                }
            }
            for (int i = 0; i < fs.size(); i++) {
                assertEquals(expected.get(i % reqs.size()), fs.get(i).get(), "request " + (i % reqs.size()));
            }
        } finally {
            ex.shutdownNow();
        }
    }
}
