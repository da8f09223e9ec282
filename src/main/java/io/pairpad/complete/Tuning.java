package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** Reads the suggestion policy's thresholds from /complete/policy.json (defaults if absent). */
final class Tuning {
    private Tuning() {
    }

    static SuggestionBuilder.Policy load() {
        SuggestionBuilder.Policy p = new SuggestionBuilder.Policy();
        try (InputStream in = Tuning.class.getResourceAsStream("/complete/policy.json")) {
            if (in != null) {
                read(new ObjectMapper().readTree(in), p);
            }
        } catch (IOException | RuntimeException e) {
            return new SuggestionBuilder.Policy();
        }
        return p;
    }

    static void read(JsonNode n, SuggestionBuilder.Policy p) {
        if (n.has("extendMin")) {
            p.extendMin = n.get("extendMin").asDouble();
        }
        if (n.has("extendShow")) {
            p.extendShow = n.get("extendShow").asDouble();
        }
        if (n.has("showMin")) {
            for (int i = 0; i < p.showMin.length && i < n.get("showMin").size(); i++) {
                p.showMin[i] = n.get("showMin").get(i).asDouble();
            }
        }
    }
}
