package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;

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
    private final double[] lo = new double[Features.N];
    private final double[] hi = new double[Features.N];

    /**
     * @param layer    the class's entry of ranker.json's "hidden": mean, scale, in, bias, out, clip
     * @param features Features index of each of ranker.json's "features" (-1 where unknown)
     */
    HiddenLayer(JsonNode layer, int[] features) {
        int units = layer.get("out").size();
        in = new double[units][Features.N];
        bias = new double[units];
        out = new double[units];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        layer.path("clip").fields().forEachRemaining(e -> {
            int f = Features.index(e.getKey());
            if (f >= 0) {
                lo[f] = e.getValue().get(0).asDouble();
                hi[f] = e.getValue().get(1).asDouble();
            }
        });
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
        double[] x = new double[Features.N];
        for (int f = 0; f < Features.N; f++) {
            x[f] = Math.min(hi[f], Math.max(lo[f], features[f]));
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
