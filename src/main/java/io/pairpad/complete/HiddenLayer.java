package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ranker's learnt feature combinations for one context class: tanh units over the
 * standardised features, summed with output weights into the candidate's score (fitted with
 * the linear weights by bench/autocomplete/train_ranker.py).
 */
final class HiddenLayer {
    /** in[unit][feature], by {@link Features} index, with the standardisation folded in. */
    private final double[][] in;
    private final double[] bias;
    private final double[] out;

    /**
     * @param layer    the class's entry of ranker.json's "hidden": mean, scale, in, bias, out
     * @param features Features index of each of ranker.json's "features" (-1 where unknown)
     */
    HiddenLayer(JsonNode layer, int[] features) {
        int units = layer.get("out").size();
        in = new double[units][Features.N];
        bias = new double[units];
        out = new double[units];
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
        double s = 0;
        for (int u = 0; u < in.length; u++) {
            double a = bias[u];
            double[] wu = in[u];
            for (int f = 0; f < Features.N; f++) {
                a += wu[f] * features[f];
            }
            s += out[u] * Math.tanh(a);
        }
        return s;
    }
}
