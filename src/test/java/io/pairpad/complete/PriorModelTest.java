package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PriorModelTest {
    static final String[] STREAM = {
        "self", ".", "a", "=", "1", "self", ".", "a", "+=", "2", "self", ".", "b", "=", "3",
    };
    static final PriorModel PRIOR = new PriorModel(NgramTable.build(STREAM, STREAM.length, new String[0]));

    @Test
    void continuationsOfAContextWithTheirCounts() {
        NextCounts afterDot = PRIOR.next(List.of("self", "."), 2);
        assertEquals(3, afterDot.total);
        assertEquals("a", afterDot.tokens[0]);
        assertEquals(2, afterDot.count("a"));
        assertEquals(1, afterDot.count("b"));
        assertEquals(0, PRIOR.next(List.of("x", "."), 2).total);
    }

    @Test
    void aContextAskedForAgainGetsTheSameContinuations() {
        assertSame(PRIOR.next(List.of("self", ".", "a"), 1), PRIOR.next(List.of("b", "a"), 1));
    }
}
