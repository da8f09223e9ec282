package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names first used just after the cursor are candidates where nothing is typed yet: they may be declared here. */
class FirstUseTest {

    static Predictor.Prediction at(String src) {
        int cur = src.indexOf('|');
        String code = src.substring(0, cur) + src.substring(cur + 1);
        Document d = new Document(LanguageSpec.of("python"), code, cur, new ChunkCache(100_000));
        return new Predictor(new Ranker()).predict(d, null);
    }

    static Candidate find(Predictor.Prediction p, String token) {
        return p.ranked.stream().filter(c -> c.token.equals(token)).findFirst().orElse(null);
    }

    @Test
    void aNameUsedOnlyAfterTheCursorIsOfferedAtALineStart() {
        Predictor.Prediction p = at("def f(a):\n    b = a + 1\n    |\n    return accumulator * b\n");
        Candidate c = find(p, "accumulator");
        assertTrue(c != null, p.ranked.toString());
        assertEquals(1.0, c.features[Features.FIRST_USE]);
        assertEquals(0.0, find(p, "b") == null ? 0.0 : find(p, "b").features[Features.FIRST_USE]);
    }

    @Test
    void notWhenItIsFarAfterTheCursor() {
        StringBuilder src = new StringBuilder("def f(a):\n    |\n");
        for (int i = 0; i < 30; i++) {
            src.append("    a = a + ").append(i).append('\n');
        }
        src.append("    return accumulator\n");
        assertFalse(find(at(src.toString()), "accumulator") != null);
    }
}
