package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** At a Python line start, else/elif/except/finally are told apart by the statement of the sibling line above. */
class BlockContinuationTest {
    static final LanguageSpec PY = LanguageSpec.of("python");

    @Test
    void afterAnIfBlockElseIsOfferedAsAClauseThatMayFollow() {
        String src = "def f(x):\n    if x:\n        return 1\n    |\n";
        Predictor.Prediction p = new Predictor(new Ranker()).predict(ReceiverMembersTest.doc("python", src), null);
        Candidate e = p.ranked.stream().filter(c -> c.token.equals("else")).findFirst().orElseThrow();
        assertEquals(1.0, e.features[Features.BLOCK_CLAUSE]);
    }

    @Test
    void aClauseTheSiblingLineDoesNotStartMayNotFollow() {
        assertEquals(-1.0, BlockContinuation.of(PY, "if", "except"));
        assertEquals(-1.0, BlockContinuation.of(PY, "return", "else"));
        assertEquals(1.0, BlockContinuation.of(PY, "try", "finally"));
        assertEquals(0.0, BlockContinuation.of(PY, "if", "return"));
        assertEquals(0.0, BlockContinuation.of(LanguageSpec.of("java"), "if", "else"));
    }
}
