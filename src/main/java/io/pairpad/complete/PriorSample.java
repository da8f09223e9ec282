package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up code with the shape of real code: a random walk through a shipped prior's n-gram
 * counts, its abstract tokens filled in (names from a small made-up pool, long strings,
 * numbers) and laid out in lines by the walk's line markers, with a comment now and then.
 * Only what the prior holds goes in; no source file is read.
 */
final class PriorSample {
    private static final int NAMES = 120;
    private static final int COMMENT_EVERY_LINES = 12;
    /** A walk can go round a cycle of tokens without a line marker: a line ends after this many. */
    static final int MAX_LINE_TOKENS = 40;
    /** Words of comments and strings; the last few only in one text out of three, as most files are ASCII. */
    private static final String[] PROSE = {
        "the", "value", "returns", "when", "list", "of", "is", "not", "set", "first", "each", "name",
        "for", "a", "to", "if", "in", "new", "index", "key", "état", "größe", "→",
    };
    private static final int ASCII_PROSE = PROSE.length - 3;
    /** Forms of numbers; # stands for digits. */
    private static final String[] NUMBERS = {"#", "#", "#", "0", "1", "#.5", ".5", "0x#F", "1e-#", "#_000", "#L", "#.0f", "#n", "#j"};

    private final PriorModel prior;
    private final LanguageSpec spec;
    private final Random rnd;
    private final StringBuilder out = new StringBuilder();
    private final List<String> context = new ArrayList<>();
    private final String indentUnit;
    private final int proseWords;
    private int indent;
    private int lines;
    private int lineTokens;
    private String last = "";

    private PriorSample(PriorModel prior, LanguageSpec spec, Random rnd) {
        this.prior = prior;
        this.spec = spec;
        this.rnd = rnd;
        this.indentUnit = spec.name.equals("javascript") ? "  " : "    ";
        this.proseWords = rnd.nextInt(3) == 0 ? PROSE.length : ASCII_PROSE;
    }

    /** About the given number of lines of the language's made-up code. */
    static String of(PriorModel prior, LanguageSpec spec, Random rnd, int lineCount) {
        PriorSample s = new PriorSample(prior, spec, rnd);
        s.walk(lineCount);
        return s.out.toString();
    }

    private void walk(int lineCount) {
        context.add(ModelStream.NL_FIRST);
        while (lines < lineCount) {
            String t = lineTokens < MAX_LINE_TOKENS ? nextAbstract() : ModelStream.NL;
            context.add(t);
            if (context.size() > NgramTable.MAX_CONTEXT) {
                context.remove(0);
            }
            if (ModelStream.isMarker(t)) {
                newLine(t);
            } else {
                append(concrete(t));
            }
        }
        out.append('\n');
    }

    /** A token drawn from the counts after the longest context the prior knows; a new line if none. */
    private String nextAbstract() {
        for (int k = Math.min(NgramTable.MAX_CONTEXT, context.size()); k >= 1; k--) {
            NextCounts nc = prior.next(context, k);
            if (nc.total > 0) {
                int r = rnd.nextInt(nc.total);
                for (int i = 0; i < nc.size(); i++) {
                    r -= nc.counts[i];
                    if (r < 0) {
                        return nc.tokens[i];
                    }
                }
            }
        }
        return ModelStream.NL;
    }

    private void newLine(String marker) {
        if (marker.equals(ModelStream.NL_IN)) {
            indent++;
        } else if (marker.equals(ModelStream.NL_OUT)) {
            indent = Math.max(0, indent - 1 - (rnd.nextInt(4) == 0 ? 1 : 0));
        }
        out.append('\n');
        lines++;
        lineTokens = 0;
        if (lines % COMMENT_EVERY_LINES == 0) {
            out.append(indentUnit.repeat(indent)).append(spec.indentBlocks ? "# " : "// ").append(prose(6)).append('\n');
            lines++;
        }
        out.append(indentUnit.repeat(indent));
        last = "";
    }

    private void append(String text) {
        if (Spacing.spaced(last, text, spec)) {
            out.append(' ');
        }
        out.append(text);
        last = text;
        lineTokens++;
    }

    private String concrete(String t) {
        switch (t) {
            case ModelStream.ID:
                return name();
            case ModelStream.STR:
                return string();
            case ModelStream.NUM:
                return NUMBERS[rnd.nextInt(NUMBERS.length)].replace("#", Integer.toString(rnd.nextInt(4096)));
            default:
                return t;
        }
    }

    /** A made-up name in one of the forms real code has; the smaller of two draws, so that a few names come back often. */
    private String name() {
        int n = Math.min(rnd.nextInt(NAMES), rnd.nextInt(NAMES));
        String base = "name" + Integer.toString(n, 36);
        switch (n % 8) {
            case 1:
                return base + "Value";
            case 2:
                return base + "_count";
            case 3:
                return "_" + base;
            case 4:
                return "MAX_" + base.toUpperCase(Locale.ROOT);
            case 5:
                return spec.indentBlocks ? base + "2" : "$" + base;
            case 6:
                return proseWords == PROSE.length ? base + "é" : base;
            default:
                return base;
        }
    }

    /** A long string, in one of the forms of quotes, prefixes and escapes the lexers tell apart. */
    private String string() {
        String words = prose(8);
        switch (rnd.nextInt(5)) {
            case 0:
                return "'" + words + "'";
            case 1:
                return "\"" + words + "\\n\\\"" + words + "\"";
            case 2:
                if (spec.indentBlocks) {
                    return "f\"" + words + " {" + name() + "}\"";
                }
                return spec.name.equals("javascript") ? "`" + words + " ${" + name() + "}`" : "\"" + words + " \\u00e9\"";
            case 3:
                return spec.indentBlocks ? "\"\"\"" + words + "\n" + indentUnit.repeat(indent) + words + "\"\"\""
                        : "\"" + words + "\" + \"" + words + "\"";
            default:
                return "\"" + words + "\"";
        }
    }

    private String prose(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(PROSE[rnd.nextInt(proseWords)]);
        }
        return s.toString();
    }
}
