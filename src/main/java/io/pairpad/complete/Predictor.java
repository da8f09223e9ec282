package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Predicts the next token at the cursor: gathers candidates from the candidate sources
 * (document words, the n-gram models' continuations, keywords and builtins, parameters of
 * the enclosing function), computes their features and ranks them.
 */
final class Predictor {
    static final int MAX_CANDIDATES = 48;
    /** Candidates from the document's structure kept past MAX_CANDIDATES (see prune). */
    private static final int MAX_STRUCTURAL = 24;

    /** The ranked outcome of one request. */
    static final class Prediction {
        final Document doc;
        final ContextClass cls;
        final List<Candidate> ranked;
        final double otherProb;
        final double[] oovFeatures;
        final CacheModel cache;
        final PriorView prior;

        Prediction(Document doc, ContextClass cls, List<Candidate> ranked, double otherProb, double[] oovFeatures,
                   CacheModel cache, PriorView prior) {
            this.doc = doc;
            this.cls = cls;
            this.ranked = ranked;
            this.otherProb = otherProb;
            this.oovFeatures = oovFeatures;
            this.cache = cache;
            this.prior = prior;
        }
    }

    private final Ranker ranker;

    Predictor(Ranker ranker) {
        this.ranker = ranker;
    }

    Prediction predict(Document d, PriorModel priorModel) {
        Evidence e = new Evidence(d, priorModel);
        List<Candidate> list = CandidatePool.gather(e);
        CandidateFeatures features = new CandidateFeatures(e, list);
        for (Candidate c : list) {
            c.features = features.of(c);
        }
        if (list.size() > MAX_CANDIDATES) {
            list = prune(list);
        }
        double[] oovF = outOfVocabularyFeatures(d, list);
        double other = ranker.rank(e.cls, Ranker.languageIndex(e.spec.prior), list, oovF);
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.prob).thenComparing(c -> c.token));
        return new Prediction(d, e.cls, list, other, oovF, e.cache, e.priorView);
    }

    /** The features of "none of the candidates". */
    private static double[] outOfVocabularyFeatures(Document d, List<Candidate> list) {
        double topMix = list.isEmpty() ? -20 : Double.NEGATIVE_INFINITY;
        for (Candidate c : list) {
            topMix = Math.max(topMix, c.features[Features.LOG_P_MIX]);
        }
        return new double[] {1.0, Math.min(d.prefix.length(), 6), Math.log(1 + list.size()), topMix};
    }

    /**
     * The MAX_CANDIDATES likeliest by the n-gram models, and up to MAX_STRUCTURAL more that the
     * document's structure suggests (members of the receiver's class, names an import may bring in).
     */
    private static List<Candidate> prune(List<Candidate> list) {
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.features[Features.LOG_P_MIX]));
        List<Candidate> out = new ArrayList<>(list.subList(0, MAX_CANDIDATES));
        for (Candidate c : list.subList(MAX_CANDIDATES, list.size())) {
            if (out.size() >= MAX_CANDIDATES + MAX_STRUCTURAL) {
                break;
            }
            if (c.features[Features.RECV_MEMBER] > 0 || c.features[Features.IMPORT_NEW] > 0) {
                out.add(c);
            }
        }
        return out;
    }

    static boolean isName(String w) {
        if (w.isEmpty()) {
            return false;
        }
        char c = w.charAt(0);
        if (!(Character.isLetter(c) || c == '_' || c == '$' || c == '@' || c == '#')) {
            return false;
        }
        char last = w.charAt(w.length() - 1);
        return last != '"' && last != '\'';
    }
}
