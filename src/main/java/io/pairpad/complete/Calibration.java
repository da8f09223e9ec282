package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the model's raw probability that a suggestion is right to a calibrated one: a
 * monotone piecewise-linear map per context class and kind of suggestion, fitted (isotonic
 * regression) on the development set by bench/autocomplete/fit_calibration.py and shipped
 * as /complete/calibration.json. Without it, the identity.
 */
final class Calibration {
    private final Map<String, double[][]> maps = new HashMap<>();

    static Calibration load() {
        Calibration c = new Calibration();
        try (InputStream in = Calibration.class.getResourceAsStream("/complete/calibration.json")) {
            if (in != null) {
                c.read(new ObjectMapper().readTree(in));
            }
        } catch (IOException | RuntimeException e) {
            return new Calibration();
        }
        return c;
    }

    void read(JsonNode root) {
        JsonNode m = root.get("maps");
        m.fieldNames().forEachRemaining(k -> {
            JsonNode xs = m.get(k).get("x");
            JsonNode ys = m.get(k).get("y");
            double[] x = new double[xs.size()];
            double[] y = new double[ys.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = xs.get(i).asDouble();
                y[i] = ys.get(i).asDouble();
            }
            maps.put(k, new double[][] {x, y});
        });
    }

    static String key(ContextClass cls, String how) {
        return cls.name() + "/" + how;
    }

    /** The kind of the first token of a suggestion of several tokens. */
    private static String firstToken(String how) {
        return how.endsWith("+") ? how.substring(0, how.length() - 1) : how;
    }

    /**
     * The calibrated probability that an option is right: that its first token's part is
     * right, times (for several tokens) that the rest is right given the first, each from a map of its own.
     */
    double apply(String language, ContextClass cls, SuggestionOptions.Choice c) {
        double first = apply(language, cls, firstToken(c.how()), c.raw());
        if (!c.extended()) {
            return first;
        }
        double[][] m = maps.get(key(cls, c.how()));
        double rest = m == null ? c.tail() : interpolate(m[0], m[1], c.tail());
        return first * SuggestionBuilder.clamp(rest);
    }

    /** The calibrated probability, in [0, 1], non-decreasing in raw. */
    double apply(ContextClass cls, String how, double raw) {
        return apply(null, cls, how, raw);
    }

    /**
     * As {@link #apply(ContextClass, String, double)}, with the map of the language (by its
     * prior's name) when there is one.
     */
    double apply(String language, ContextClass cls, String how, double raw) {
        double r = SuggestionBuilder.clamp(raw);
        double[][] m = language == null ? null : maps.get(language + "/" + key(cls, how));
        if (m == null) {
            m = maps.get(key(cls, how));
        }
        if (m == null) {
            m = maps.get(cls.name() + "/*");
        }
        if (m == null) {
            return r;
        }
        return SuggestionBuilder.clamp(interpolate(m[0], m[1], r));
    }

    static double interpolate(double[] x, double[] y, double r) {
        int n = x.length;
        if (n == 0) {
            return r;
        }
        if (r <= x[0]) {
            return y[0];
        }
        if (r >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = x[hi] == x[lo] ? 0 : (r - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }
}
