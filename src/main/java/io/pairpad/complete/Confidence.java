package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How sure the ranker should be at one place. The ranker's softmax says which candidate is
 * likeliest, but not well how predictable the place is; a logistic model per context class
 * (bench/autocomplete/fit_confidence.py, shipped in confidence.json) estimates the chance that
 * the first candidate is right from the first two probabilities, the first candidate's features,
 * the "other" outcome's features and the language, and {@link #temper} gives the first candidate
 * that probability, making the candidates' distribution as peaked as that says. The order of the
 * candidates does not change.
 */
final class Confidence {
    static final Confidence NONE = new Confidence();
    static final double EPS = 1e-6;
    private static final String[] HEAD = {
        "logit_p1", "logit_p2", "p1_minus_p2", "log_cands", "oov_prefix_len", "oov_log_cands", "oov_top_p_mix",
    };
    private static final int N = HEAD.length + Features.N + Ranker.LANGUAGES.length;
    private static final double MIN_LOG_EXPONENT = -4;
    private static final double MAX_LOG_EXPONENT = 3;
    private static final int STEPS = 30;

    private final boolean[] fitted = new boolean[ContextClass.values().length];
    private final double[] bias = new double[ContextClass.values().length];
    private final double[][] w = new double[ContextClass.values().length][N];

    static Confidence read(JsonNode root) {
        Confidence c = new Confidence();
        JsonNode names = root.get("features");
        for (ContextClass cc : ContextClass.values()) {
            JsonNode ws = root.get("weights").get(cc.name());
            if (ws == null) {
                continue;
            }
            c.fitted[cc.ordinal()] = true;
            c.bias[cc.ordinal()] = root.get("bias").get(cc.name()).asDouble();
            for (int i = 0; i < names.size(); i++) {
                int f = index(names.get(i).asText());
                if (f >= 0) {
                    c.w[cc.ordinal()][f] = ws.get(i).asDouble();
                }
            }
        }
        return c;
    }

    /**
     * Tempers the ranked probabilities (each candidate's prob, and other's) so that the first
     * candidate gets the model's estimate; returns the new probability of "other". Only for the
     * languages with a prior of their own (language, an index of Ranker.LANGUAGES, at least 0):
     * the model was fitted on those alone.
     */
    double temper(ContextClass cc, int language, List<Candidate> cands, double[] oovFeatures, double other) {
        if (!fitted[cc.ordinal()] || language < 0 || cands.isEmpty()) {
            return other;
        }
        Candidate top = cands.get(0);
        double p2 = 0;
        for (Candidate c : cands) {
            if (c.prob > top.prob) {
                p2 = top.prob;
                top = c;
            } else if (c != top && c.prob > p2) {
                p2 = c.prob;
            }
        }
        double q = firstRight(cc, language, cands.size(), oovFeatures, top, p2);
        return temper(cands, top, other, q);
    }

    private double firstRight(ContextClass cc, int language, int count, double[] oovFeatures, Candidate top, double p2) {
        double[] wc = w[cc.ordinal()];
        double[] head = {
            logit(top.prob), logit(p2), top.prob - p2, Math.log1p(count), oovFeatures[1], oovFeatures[2], oovFeatures[3],
        };
        double s = bias[cc.ordinal()];
        for (int i = 0; i < head.length; i++) {
            s += wc[i] * head[i];
        }
        for (int f = 0; f < Features.N; f++) {
            s += wc[HEAD.length + f] * top.features[f];
        }
        s += wc[HEAD.length + Features.N + language];
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * Gives top probability q and "other" the share of the rest it had, other / (1 - top); the other
     * candidates share what is left in proportion to their probabilities raised to one exponent, which
     * keeps their order. Where the exponent's bounds cannot make top's share among the candidates
     * right, top still gets q and "other" takes the difference (nothing if the candidates would need
     * more than all). Returns the new probability of "other".
     */
    static double temper(List<Candidate> cands, Candidate top, double other, double q) {
        double lt = Math.log(top.prob);
        // log-probabilities over top's
        double[] rel = new double[cands.size()];
        for (int i = 0; i < cands.size(); i++) {
            rel[i] = Math.log(cands.get(i).prob) - lt;
        }
        double rest = 1 - top.prob;
        double newOther = rest > 0 ? (1 - q) * other / rest : 0;
        // the candidates' mass over top's
        double target = (1 - newOther) / q;
        double lo = MIN_LOG_EXPONENT;
        double hi = MAX_LOG_EXPONENT;
        for (int i = 0; i < STEPS; i++) {
            double mid = (lo + hi) / 2;
            // the normaliser over top's probability falls as the exponent grows: top is the largest
            if (normaliser(rel, Math.exp(mid)) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double a = Math.exp((lo + hi) / 2);
        double scale = Math.min(q, 1 / normaliser(rel, a));
        double mass = 0;
        for (int i = 0; i < cands.size(); i++) {
            cands.get(i).prob = scale * Math.exp(a * rel[i]);
            mass += cands.get(i).prob;
        }
        return Math.max(0, 1 - mass);
    }

    private static double normaliser(double[] rel, double a) {
        double z = 0;
        for (double r : rel) {
            z += Math.exp(a * r);
        }
        return z;
    }

    private static double logit(double p) {
        double c = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(c / (1 - c));
    }

    private static int index(String name) {
        for (int i = 0; i < HEAD.length; i++) {
            if (HEAD[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < Features.N; i++) {
            if (Features.NAMES[i].equals(name)) {
                return HEAD.length + i;
            }
        }
        for (int i = 0; i < Ranker.LANGUAGES.length; i++) {
            if (Ranker.LANGUAGES[i].equals(name)) {
                return HEAD.length + Features.N + i;
            }
        }
        return -1;
    }
}
