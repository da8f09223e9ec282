package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The function around the cursor as the innermost cache: its names, and what followed the context inside it. */
class FunctionBodyTest {

    private static Document doc(String lang, String before, String after) {
        return new Document(LanguageSpec.of(lang), before + after, before.length(), new ChunkCache(100_000));
    }

    @Test
    void pythonBodyEndsAtTheNextLineIndentedNoDeeperThanTheDef() {
        Document d = doc("python",
                "total = 0\n\ndef f(rows):\n    total = 0\n    for row in rows:\n        total += row\n        ",
                "\n    return total\n\ndef g():\n    return total + rows\n");
        FunctionBody b = FunctionBody.of(d);
        assertEquals(3, b.count("total"));
        assertEquals(2, b.count("rows"));
        assertEquals(2, b.count("row"));
        assertEquals(0, b.count("g"));
    }

    @Test
    void braceBodySkipsControlBlocksAndEndsAtItsClosingBrace() {
        Document d = doc("java",
                "class A {\n  int size;\n  int f(int n) {\n    int k = n;\n    if (k > 0) {\n      k++;\n      ",
                "\n    }\n    return k;\n  }\n  int g() { return size + k; }\n}\n");
        FunctionBody b = FunctionBody.of(d);
        assertEquals(4, b.count("k"));
        assertEquals(1, b.count("n"));
        assertEquals(0, b.count("size"));
        assertEquals(0, b.count("g"));
    }

    @Test
    void outsideAnyFunctionThereIsNoBody() {
        assertSame(FunctionBody.NONE, FunctionBody.of(doc("javascript", "const a = 1;\nconst b = ", "2;\n")));
        assertSame(FunctionBody.NONE, FunctionBody.of(doc("python", "x = 1\ny = ", "\n")));
    }

    @Test
    void contextMatchesCountWhatFollowedInsideTheFunctionApart() {
        Document d = doc("python",
                "a = obj.alpha\n\ndef f(obj):\n    b = obj.beta\n    c = obj.beta\n    d = obj.",
                "\n    e = obj.gamma\n\ndef g(obj):\n    return obj.alpha\n");
        ContextMatches m = new ContextMatches(d, FunctionBody.of(d));
        assertEquals(2, m.inFunction("beta"));
        assertEquals(1, m.inFunction("gamma"));
        assertEquals(0, m.inFunction("alpha"));
        assertEquals(2, m.inFunction2("beta"));
        assertEquals(0, m.inFunction2("alpha"));
    }
}
