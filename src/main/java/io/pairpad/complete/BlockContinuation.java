package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's clauses that continue a compound statement ({@code else}, {@code elif},
 * {@code except}, {@code finally}) can only start a line whose previous sibling line (same
 * indentation, same block) starts the statement they continue.
 */
final class BlockContinuation {
    /** Clause keyword to the first tokens of the sibling lines it may follow. */
    private static final Map<String, Set<String>> FOLLOWS = Map.of(
            "elif", Set.of("if", "elif"),
            "else", Set.of("if", "elif", "for", "while", "try", "except", "async"),
            "except", Set.of("try", "except"),
            "finally", Set.of("try", "except", "else"));

    private static final List<String> CLAUSES = List.of("elif", "else", "except", "finally");

    private BlockContinuation() {
    }

    /** The clauses that may continue the statement whose line starts with prevFirst. */
    static List<String> allowed(LanguageSpec spec, String prevFirst) {
        List<String> out = new ArrayList<>();
        if (spec.indentBlocks && prevFirst != null) {
            for (String clause : CLAUSES) {
                if (FOLLOWS.get(clause).contains(prevFirst)) {
                    out.add(clause);
                }
            }
        }
        return out;
    }

    /** 1 for a clause the previous sibling line's first token allows, -1 for one it does not, else 0. */
    static double of(LanguageSpec spec, String prevFirst, String candidate) {
        Set<String> after = spec.indentBlocks ? FOLLOWS.get(candidate) : null;
        if (after == null) {
            return 0;
        }
        return prevFirst != null && after.contains(prevFirst) ? 1 : -1;
    }
}
