package io.pairpad.complete;

import java.util.List;

/** The answer of {@code POST /api/autocomplete}: ghost text, its confidence and ranked alternatives. */
public record Suggestion(String suggestion, double confidence, List<Alternative> alternatives) {

    public static final Suggestion NONE = new Suggestion("", 0.0, List.of());

    /** One drop-down entry: {@code label} is shown, {@code insert} is what goes in at the cursor. */
    public record Alternative(String label, String insert, String kind, double confidence) {
    }
}
