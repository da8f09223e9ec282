package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A softmax over the candidates of one request plus an "other token" outcome: a candidate's
 * score is w[class] . features plus the class's {@link HiddenLayer}, if it has one.
 * Weights are read once from /complete/ranker.json (learnt by bench/autocomplete/train_ranker.py);
 * the distribution is then made as peaked as {@link Confidence} (/complete/confidence.json) says, or
 * where nothing but blanks follows the cursor, as a pad being written is, /complete/confidence-end.json: the
 * ranker learnt on places inside whole files, where it was far surer than it has reason to be at the end of a
 * few lines.
 */
final class Ranker {
    /** Languages with weights of their own (by prior name), added to the shared ones. */
    static final String[] LANGUAGES = {"python", "java", "javascript"};

    private final double[][] w = new double[ContextClass.values().length][Features.N];
    /** lw[language][class][feature]: per-language adjustments, zero where not learnt. */
    private final double[][][] lw = new double[LANGUAGES.length][ContextClass.values().length][Features.N];
    private final double[][] oov = new double[ContextClass.values().length][Features.OOV_N];
    private final HiddenLayer[] hidden = new HiddenLayer[ContextClass.values().length];
    private Confidence confidence = Confidence.NONE;
    private Confidence confidenceAtEnd = Confidence.NONE;

    /** Untrained weights: the interpolated n-gram probability alone, "other" rarely. */
    Ranker() {
        for (int c = 0; c < w.length; c++) {
            w[c][Features.LOG_P_MIX] = 1.0;
            oov[c][0] = -4.0;
        }
    }

    static Ranker load() {
        Ranker r = new Ranker();
        try (InputStream in = Ranker.class.getResourceAsStream("/complete/ranker.json")) {
            if (in != null) {
                r.read(new ObjectMapper().readTree(in));
            }
        } catch (IOException | RuntimeException e) {
            return new Ranker();
        }
        r.confidence = confidence("/complete/confidence.json", Confidence.NONE);
        r.confidenceAtEnd = confidence("/complete/confidence-end.json", r.confidence);
        return r;
    }

    private static Confidence confidence(String resource, Confidence otherwise) {
        try (InputStream in = Ranker.class.getResourceAsStream(resource)) {
            return in == null ? otherwise : Confidence.read(new ObjectMapper().readTree(in));
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
    }

    static int languageIndex(String prior) {
        for (int i = 0; i < LANGUAGES.length; i++) {
            if (LANGUAGES[i].equals(prior)) {
                return i;
            }
        }
        return -1;
    }

    void read(JsonNode root) {
        JsonNode names = root.get("features");
        int[] featureIndex = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            featureIndex[i] = indexOf(Features.NAMES, names.get(i).asText());
        }
        JsonNode langs = root.get("language_weights");
        if (langs != null) {
            for (int li = 0; li < LANGUAGES.length; li++) {
                JsonNode byClass = langs.get(LANGUAGES[li]);
                if (byClass == null) {
                    continue;
                }
                for (ContextClass cc : ContextClass.values()) {
                    JsonNode ws = byClass.get(cc.name());
                    if (ws == null) {
                        continue;
                    }
                    for (int i = 0; i < names.size(); i++) {
                        if (featureIndex[i] >= 0) {
                            lw[li][cc.ordinal()][featureIndex[i]] = ws.get(i).asDouble();
                        }
                    }
                }
            }
        }
        for (ContextClass cc : ContextClass.values()) {
            JsonNode ws = root.get("weights").get(cc.name());
            JsonNode os = root.get("oov").get(cc.name());
            if (ws == null || os == null) {
                continue;
            }
            java.util.Arrays.fill(w[cc.ordinal()], 0.0);
            for (int i = 0; i < names.size(); i++) {
                if (featureIndex[i] >= 0) {
                    w[cc.ordinal()][featureIndex[i]] = ws.get(i).asDouble();
                }
            }
            JsonNode layer = root.path("hidden").get(cc.name());
            hidden[cc.ordinal()] = layer == null ? null : new HiddenLayer(layer, featureIndex);
            JsonNode oovNames = root.get("oov_features");
            for (int i = 0; i < oovNames.size(); i++) {
                int f = indexOf(Features.OOV_NAMES, oovNames.get(i).asText());
                if (f >= 0) {
                    oov[cc.ordinal()][f] = os.get(i).asDouble();
                }
            }
        }
    }

    static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets score and prob of each candidate; returns the probability of "other". */
    double rank(ContextClass cc, List<Candidate> cands, double[] oovFeatures) {
        return rank(cc, -1, cands, oovFeatures, false);
    }

    /**
     * As above, with the adjustments of language li (an index of LANGUAGES, or -1 for none); atEnd: nothing
     * but blanks follows the cursor.
     */
    double rank(ContextClass cc, int li, List<Candidate> cands, double[] oovFeatures, boolean atEnd) {
        double[] wc = w[cc.ordinal()];
        double[] lc = li >= 0 ? lw[li][cc.ordinal()] : null;
        HiddenLayer hc = hidden[cc.ordinal()];
        double max = Double.NEGATIVE_INFINITY;
        for (Candidate c : cands) {
            double s = 0;
            for (int f = 0; f < Features.N; f++) {
                s += wc[f] * c.features[f];
            }
            if (lc != null) {
                for (int f = 0; f < Features.N; f++) {
                    s += lc[f] * c.features[f];
                }
            }
            if (hc != null) {
                s += hc.score(c.features);
            }
            c.score = s;
            max = Math.max(max, s);
        }
        double so = 0;
        double[] oc = oov[cc.ordinal()];
        for (int f = 0; f < Features.OOV_N; f++) {
            so += oc[f] * oovFeatures[f];
        }
        max = Math.max(max, so);
        double z = Math.exp(so - max);
        for (Candidate c : cands) {
            c.prob = Math.exp(c.score - max);
            z += c.prob;
        }
        for (Candidate c : cands) {
            c.prob /= z;
        }
        return (atEnd ? confidenceAtEnd : confidence).temper(cc, li, cands, oovFeatures, Math.exp(so - max) / z);
    }
}
