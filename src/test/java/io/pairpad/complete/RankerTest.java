package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoring candidates with ranker.json's weights, its hidden layer included. */
class RankerTest {
    private static final String JSON = """
        {"features": ["log_p_mix", "keyword", "no_such_feature"],
         "oov_features": ["oov_bias"],
         "weights": {"WORD": [1.0, 0.5, 9.0]},
         "oov": {"WORD": [-2.0]},
         "hidden": {"WORD": {"mean": [-1.0, 0.5, 7.0], "scale": [2.0, 0.5, 1.0],
                             "in": [[1.0, -1.0, 5.0], [0.0, 2.0, 5.0]], "bias": [0.1, -0.2], "out": [1.5, -0.5]}}}
        """;

    private static Candidate cand(String token, double logPMix, double keyword) {
        Candidate c = new Candidate(token, "identifier");
        c.features = new double[Features.N];
        c.features[Features.LOG_P_MIX] = logPMix;
        c.features[Features.KEYWORD] = keyword;
        return c;
    }

    /** What train_ranker.candidate_scores computes; an unknown feature sits at its mean. */
    private static double expected(double x, double k) {
        double z0 = (x + 1.0) / 2.0;
        double z1 = (k - 0.5) / 0.5;
        return x + 0.5 * k + 1.5 * Math.tanh(0.1 + z0 - z1) - 0.5 * Math.tanh(-0.2 + 2 * z1);
    }

    @Test
    void scoresAreTheLinearPartPlusTheHiddenUnits() throws Exception {
        Ranker r = new Ranker();
        r.read(new ObjectMapper().readTree(JSON));
        List<Candidate> cands = List.of(cand("a", -0.5, 0), cand("b", -2.0, 1));
        double[] oov = new double[Features.OOV_N];
        oov[0] = 1;
        double other = r.rank(ContextClass.WORD, cands, oov);
        assertEquals(expected(-0.5, 0), cands.get(0).score, 1e-9);
        assertEquals(expected(-2.0, 1), cands.get(1).score, 1e-9);
        double z = Math.exp(-2.0) + Math.exp(cands.get(0).score) + Math.exp(cands.get(1).score);
        assertEquals(Math.exp(cands.get(0).score) / z, cands.get(0).prob, 1e-9);
        assertEquals(Math.exp(-2.0) / z, other, 1e-9);
    }

    @Test
    void theHiddenUnitsSeeAClippedFeatureAtTheEdgeOfItsRangeAndTheLinearPartAsItIs() throws Exception {
        Ranker r = new Ranker();
        r.read(new ObjectMapper().readTree(JSON.replace("\"out\": [1.5, -0.5]}",
            "\"out\": [1.5, -0.5], \"clip\": {\"log_p_mix\": [-1.5, 0.0], \"no_such_feature\": [0, 1]}}")));
        List<Candidate> cands = List.of(cand("far", -4.0, 0), cand("within", -0.5, 0));
        r.rank(ContextClass.WORD, cands, new double[Features.OOV_N]);
        assertEquals(expected(-1.5, 0) + (-4.0 - -1.5), cands.get(0).score, 1e-9);
        assertEquals(expected(-0.5, 0), cands.get(1).score, 1e-9);
    }

    @Test
    void aClassWithoutAHiddenLayerIsLinear() throws Exception {
        Ranker r = new Ranker();
        r.read(new ObjectMapper().readTree(JSON.replace("\"WORD\": {\"mean\"", "\"OTHER\": {\"mean\"")
            .replace("\"weights\": {\"WORD\"", "\"weights\": {\"OTHER\": [0, 0, 0], \"WORD\"")
            .replace("\"oov\": {\"WORD\"", "\"oov\": {\"OTHER\": [0], \"WORD\"")));
        List<Candidate> cands = List.of(cand("a", -0.5, 1));
        r.rank(ContextClass.WORD, cands, new double[Features.OOV_N]);
        assertEquals(-0.5 + 0.5, cands.get(0).score, 1e-12);
        assertEquals(0.5, cands.get(0).prob, 1e-12); // against "other" scored 0
    }

    @Test
    void withNothingAfterTheCursorTheEndOfTextConfidenceTempersTheRanking() {
        String pad = "import os\n\n\ndef list_files(path):\n    names = os.listdir(path)\n    names.sort()\n    return n|";
        Document end = ReceiverMembersTest.doc("python", pad);
        assertTrue(end.blankAfterCursor());
        assertFalse(ReceiverMembersTest.doc("python", pad + "\nprint(1)\n").blankAfterCursor());
        Ranker shipped = Ranker.load();
        Predictor.Prediction p = new Predictor(shipped).predict(end, null);
        List<Candidate> again = p.ranked.stream().map(c -> {
            Candidate copy = new Candidate(c.token, c.kind);
            copy.features = c.features;
            return copy;
        }).toList();
        shipped.rank(p.cls, Ranker.languageIndex("python"), again, p.oovFeatures, false);
        double inside = again.stream().mapToDouble(c -> c.prob).max().orElseThrow();
        double atEnd = p.ranked.get(0).prob;
        assertTrue(Math.abs(atEnd - inside) > 0.01, atEnd + " at the end, " + inside + " inside a file");
    }
}
