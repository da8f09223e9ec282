package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tempering the ranked distribution to the confidence model's estimate for the first candidate. */
class ConfidenceTest {

    private static Candidate cand(String token, double prob) {
        Candidate c = new Candidate(token, "identifier");
        c.prob = prob;
        c.features = new double[Features.N];
        return c;
    }

    private static double total(List<Candidate> cands, double other) {
        return other + cands.stream().mapToDouble(c -> c.prob).sum();
    }

    @Test
    void sharpensOrFlattensToTheEstimateAndKeepsTheOrder() {
        for (double q : new double[] {0.3, 0.9}) {
            List<Candidate> cands = List.of(cand("a", 0.5), cand("b", 0.2), cand("c", 0.1));
            double other = Confidence.temper(cands, cands.get(0), 0.2, q);
            assertEquals(q, cands.get(0).prob, 1e-6);
            assertEquals(1.0, total(cands, other), 1e-9);
            assertTrue(cands.get(0).prob > cands.get(1).prob && cands.get(1).prob > cands.get(2).prob);
            assertTrue(q > 0.5 ? other < 0.2 : other > 0.2);
        }
    }

    @Test
    void reachesTheEstimateWhereOtherIsLikelierThanTheFirstCandidate() {
        for (double q : new double[] {0.1, 0.6, 0.9}) {
            List<Candidate> cands = List.of(cand("a", 0.2), cand("b", 0.1), cand("c", 0.05));
            double other = Confidence.temper(cands, cands.get(0), 0.65, q);
            assertEquals(q, cands.get(0).prob, 1e-6);
            assertEquals(1.0, total(cands, other), 1e-9);
            assertTrue(cands.get(0).prob > cands.get(1).prob && cands.get(1).prob > cands.get(2).prob);
            assertEquals(0.65 / 0.8, other / (1 - q), 1e-6);
        }
    }

    @Test
    void aSingleCandidateTakesTheEstimateAndOtherTheRest() {
        List<Candidate> one = List.of(cand("a", 0.3));
        assertEquals(0.2, Confidence.temper(one, one.get(0), 0.7, 0.8), 1e-9);
        assertEquals(0.8, one.get(0).prob, 1e-9);
    }

    @Test
    void anEstimateBelowEvenShareStillReachesTheFirstCandidate() {
        // even a flat distribution over the two candidates leaves "other" less than its share
        List<Candidate> cands = List.of(cand("a", 0.3), cand("b", 0.29));
        double other = Confidence.temper(cands, cands.get(0), 0.41, 0.05);
        assertEquals(0.05, cands.get(0).prob, 1e-9);
        assertTrue(cands.get(1).prob < 0.05 && cands.get(1).prob > 0.049);
        assertEquals(1.0, total(cands, other), 1e-9);
    }

    @Test
    void theModelsEstimateComesFromTheWeightsOfTheClass() throws Exception {
        // bias 0 and a weight of 1 on logit(p1): the estimate is p1 itself, so nothing changes;
        // with a bias of 2 for MEMBER only, the first candidate there becomes surer; nothing changes
        // in a language without a prior of its own (-1), which the model was not fitted on
        String json = "{\"features\": [\"logit_p1\", \"python\"], \"bias\": {\"WORD\": 0, \"MEMBER\": 2},"
                + " \"weights\": {\"WORD\": [1, 0], \"MEMBER\": [1, 0]}}";
        Confidence c = Confidence.read(new ObjectMapper().readTree(json));
        List<Candidate> word = List.of(cand("x", 0.2), cand("y", 0.6));
        double other = c.temper(ContextClass.WORD, 0, word, new double[Features.OOV_N], 0.2);
        assertEquals(0.6, word.get(1).prob, 1e-6);
        assertEquals(0.2, other, 1e-6);
        List<Candidate> member = List.of(cand("x", 0.2), cand("y", 0.6));
        c.temper(ContextClass.MEMBER, 0, member, new double[Features.OOV_N], 0.2);
        double logit = Math.log(0.6 / 0.4) + 2;
        assertEquals(1 / (1 + Math.exp(-logit)), member.get(1).prob, 1e-6);
        List<Candidate> other2 = List.of(cand("x", 0.2), cand("y", 0.6));
        assertEquals(0.2, c.temper(ContextClass.OTHER, 0, other2, new double[Features.OOV_N], 0.2), 1e-12);
        List<Candidate> noPrior = List.of(cand("x", 0.2), cand("y", 0.6));
        assertEquals(0.2, c.temper(ContextClass.MEMBER, -1, noPrior, new double[Features.OOV_N], 0.2), 1e-12);
        assertEquals(0.6, noPrior.get(1).prob, 1e-12);
    }
}
