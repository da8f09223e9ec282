package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What followed the tokens before the cursor elsewhere in the document, and how long the match was. */
class ContextMatchesTest {

    static ContextMatches at(String before, String after) {
        String code = before + after;
        return new ContextMatches(new Document(LanguageSpec.of("python"), code, before.length(), new ChunkCache(100_000)));
    }

    @Test
    void runsAreCountedUpToMaxLen() {
        ContextMatches m = at("a = foo(bar, baz).qux\nb = foo(bar, baz).quux\nx = y.zap\nz = foo(bar, baz).", "\n");
        assertEquals(ContextMatches.MAX_LEN, m.longest("quux"));
        assertEquals(ContextMatches.MAX_LEN, m.longest("qux"));
        assertEquals(1, m.longest("zap"));
        assertEquals(0, m.longest("nothing"));
        assertEquals(2, m.longCount("quux") + m.longCount("qux"));
        assertEquals(0, m.longCount("zap"));
    }

    @Test
    void linesAfterTheCursorCountAndDistancesAreInTokens() {
        ContextMatches m = at("p = self.alpha\nq = self.beta\nr = self.", "\ns = self.gamma\n");
        assertEquals(3, m.longest("gamma"));
        assertEquals(5, m.nearest("beta"));
        assertEquals(10, m.nearest("alpha"));
        assertEquals(5, m.nearest("gamma"));
        assertEquals(-1, m.nearest("nothing"));
    }
}
