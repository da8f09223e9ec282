package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;

/**
 * The ranker's learnt feature combinations for one context class: tanh units over the
 * standardised features, summed with output weights into the candidate's score (fitted with
 * the linear weights by bench/autocomplete/train_ranker.py). The features named in "clip" are first
 * held within the range train_ranker.py gave them, so that a pad shorter than nearly all training
 * files meets the units' shape at its edge rather than an extrapolation of it.
 */
final class HiddenLayer {
    /** in[unit][feature], by {@link Features} index, with the standardisation folded in. */
    private final double[][] in;
    private final double[] bias;
    private final double[] out;
    /** The clipped features' {@link Features} indices, and the range of each. */
    private final int[] clipped;
    private final double[] lo;
    private final double[] hi;

    /**
     * @param layer    the class's entry of ranker.json's "hidden": mean, scale, in, bias, out, clip
     * @param features Features index of each of ranker.json's "features" (-1 where unknown)
     */
    HiddenLayer(JsonNode layer, int[] features) {
        int units = layer.get("out").size();
        in = new double[units][Features.N];
        bias = new double[units];
        out = new double[units];
        JsonNode clip = layer.path("clip");
        int[] known = new int[clip.size()];
        double[] from = new double[clip.size()];
        double[] to = new double[clip.size()];
        int n = 0;
        for (var it = clip.fields(); it.hasNext(); ) {
            var e = it.next();
            int f = Ranker.indexOf(Features.NAMES, e.getKey());
            if (f >= 0) {
                known[n] = f;
                from[n] = e.getValue().get(0).asDouble();
                to[n++] = e.getValue().get(1).asDouble();
            }
        }
        clipped = Arrays.copyOf(known, n);
        lo = Arrays.copyOf(from, n);
        hi = Arrays.copyOf(to, n);
        for (int u = 0; u < units; u++) {
            bias[u] = layer.get("bias").get(u).asDouble();
            out[u] = layer.get("out").get(u).asDouble();
            for (int i = 0; i < features.length; i++) {
                if (features[i] < 0) {
                    continue;
                }
                // w * (x - mean) / scale = (w / scale) * x - w * mean / scale
                double w = layer.get("in").get(u).get(i).asDouble() / layer.get("scale").get(i).asDouble();
                in[u][features[i]] = w;
                bias[u] -= w * layer.get("mean").get(i).asDouble();
            }
        }
    }

    double score(double[] features) {
        double[] x = features;
        if (clipped.length > 0) {
            x = features.clone();
            for (int c = 0; c < clipped.length; c++) {
                x[clipped[c]] = Math.min(hi[c], Math.max(lo[c], x[clipped[c]]));
            }
        }
        double s = 0;
        for (int u = 0; u < in.length; u++) {
            double a = bias[u];
            double[] wu = in[u];
            for (int f = 0; f < Features.N; f++) {
                a += wu[f] * x[f];
            }
            s += out[u] * Math.tanh(a);
        }
        return s;
    }
}
