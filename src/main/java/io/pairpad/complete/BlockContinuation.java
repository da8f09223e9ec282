package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's clauses that continue a compound statement ({@code else}, {@code elif},
 * {@code except}, {@code finally}) can only start a line whose previous sibling line (same
 * indentation, same block) starts the statement they continue. Read the other way, a line that
 * opens a block followed by such a clause starts one of those statements ({@code try} before
 * {@code except}); in the brace languages the clause comes after the block's closing brace
 * ({@code } catch}, {@code } else}), and the line before it is the statement or a clause of it
 * that itself begins with a closing brace ({@code } else if (...) {}).
 */
final class BlockContinuation {
    /** Clause keyword to the first tokens of the sibling lines it may follow. */
    private static final Map<String, Set<String>> FOLLOWS = Map.of(
            "elif", Set.of("if", "elif"),
            "else", Set.of("if", "elif", "for", "while", "except", "async"),
            "except", Set.of("try", "except"),
            "finally", Set.of("try", "except", "else"));

    private static final List<String> CLAUSES = List.of("elif", "else", "except", "finally");
    /** Sibling lines after which only these may start the next line: a try's clause, a decorator's definition. */
    private static final Map<String, Set<String>> ONLY_AFTER = Map.of(
            "try", Set.of("except", "finally"),
            "@", Set.of("@", "def", "class", "async"));
    /** In the brace languages: clause after a closing brace to the first tokens of the lines it may follow. */
    private static final Map<String, Set<String>> FOLLOWS_BRACE = Map.of(
            "else", Set.of("if", "}"),
            "catch", Set.of("try", "}"),
            "finally", Set.of("try", "}"),
            "while", Set.of("do"));

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

    /** The only tokens that may start a line after a sibling line starting with prevFirst, or null when it does not say. */
    static Set<String> onlyAfter(LanguageSpec spec, String prevFirst) {
        return spec.indentBlocks && prevFirst != null ? ONLY_AFTER.get(prevFirst) : null;
    }

    /**
     * False for a token that cannot start a line after a sibling line starting with prevFirst: a clause
     * that sibling does not allow, or anything but what {@link #onlyAfter} lists. Unknown siblings allow all.
     */
    static boolean mayStart(LanguageSpec spec, String prevFirst, String token) {
        if (!spec.indentBlocks || prevFirst == null) {
            return true;
        }
        Set<String> only = ONLY_AFTER.get(prevFirst);
        return only != null ? only.contains(token) : of(spec, prevFirst, token) >= 0;
    }

    /** 1 for a clause the previous sibling line's first token allows, -1 for one it does not, else 0. */
    static double of(LanguageSpec spec, String prevFirst, String candidate) {
        Set<String> after = spec.indentBlocks ? FOLLOWS.get(candidate) : null;
        if (after == null) {
            return 0;
        }
        return prevFirst != null && after.contains(prevFirst) ? 1 : -1;
    }

    /**
     * The keywords that may start a line which the clause nextClause continues (a name of the next sibling
     * line as {@link LineAnalogs#nextClause} gives it).
     */
    static List<String> before(LanguageSpec spec, String nextClause) {
        Set<String> starts = startsBefore(spec, nextClause);
        List<String> out = new ArrayList<>();
        if (starts != null) {
            for (String s : starts) {
                if (spec.isKeyword(s)) {
                    out.add(s);
                }
            }
            out.sort(null);
        }
        return out;
    }

    /** 1 if candidate may start a line that nextClause continues, -1 if not, 0 where no clause follows. */
    static double precedes(LanguageSpec spec, String nextClause, String candidate) {
        Set<String> starts = startsBefore(spec, nextClause);
        if (starts == null) {
            return 0;
        }
        return starts.contains(candidate) ? 1 : -1;
    }

    private static Set<String> startsBefore(LanguageSpec spec, String nextClause) {
        if (nextClause == null) {
            return null;
        }
        if (spec.indentBlocks) {
            return FOLLOWS.get(nextClause);
        }
        return spec.isKeyword(nextClause) ? FOLLOWS_BRACE.get(nextClause) : null;
    }
}
