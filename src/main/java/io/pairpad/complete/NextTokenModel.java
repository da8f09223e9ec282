package io.pairpad.complete;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A light next-token distribution for extending ghost text past the current token: the
 * document's cache model and the prior, mixed, over their continuations of a context
 * (line breaks included, so that "the line ends here" takes its share).
 */
final class NextTokenModel {
    /** Count of the document's context at which the document and the prior weigh the same. */
    static final double EVIDENCE_HALF = 2.0;
    /** Without a prior, how often the document must have shown the context before trusting it. */
    static final int MIN_EVIDENCE_ALONE = 2;

    /** The most likely next token and its probability. */
    record Guess(String token, double prob) {
    }

    private NextTokenModel() {
    }

    static Guess best(DocumentStats stats, PriorModel prior, List<String> context) {
        CacheModel cm = new CacheModel(stats, context);
        PriorView pv = new PriorView(prior, context);
        Set<String> cands = new LinkedHashSet<>();
        for (int k = NgramTable.MAX_CONTEXT; k >= 1; k--) {
            take(cm.next[k - 1], cands);
            take(pv.next[k - 1], cands);
        }
        if (cands.isEmpty()) {
            return null;
        }
        boolean priorHas = prior != null && pv.next[0].total > 0;
        // trust the document in proportion to the evidence of its longest matching context
        int evidence = cm.order > 0 ? cm.next[cm.order - 1].total : 0;
        if (!priorHas && evidence < MIN_EVIDENCE_ALONE) {
            return null; // one sighting in the document, nothing else to go on
        }
        double wc = !priorHas ? 1.0 : evidence / (evidence + EVIDENCE_HALF);
        double wp = 1.0 - wc;
        List<String> list = new ArrayList<>(cands);
        double z = 0;
        double best = -1;
        String bestTok = null;
        for (String t : list) {
            double p = wc * cm.prob(t) + wp * (pv.prior == null ? 0 : pv.prob(t, 1));
            z += p;
            if (p > best && !t.equals(ModelStream.ID) && !t.equals(ModelStream.STR) && !t.equals(ModelStream.NUM)) {
                best = p;
                bestTok = t;
            }
        }
        if (bestTok == null || z <= 0) {
            return null;
        }
        // the interpolated models are distributions over every token, so best is already a
        // probability: dividing by the mass of the few candidates listed would make one
        // sighting look certain
        return new Guess(bestTok, Math.min(1.0, best));
    }

    private static void take(NextCounts nc, Set<String> out) {
        for (int i = 0; i < nc.size() && i < 20; i++) {
            out.add(nc.tokens[i]);
        }
    }
}
