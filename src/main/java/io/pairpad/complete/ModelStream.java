package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tokens into the stream the n-gram models count: significant tokens by their text
 * (long or multi-line strings as {@link #STR}), comments dropped, and before each non-blank
 * line one marker telling whether it is indented more, less or the same as the line before
 * ({@link #NL_FIRST} before the first).
 */
final class ModelStream {
    static final String NL = "\n";
    static final String NL_IN = "\n+";
    static final String NL_OUT = "\n-";
    /** The marker of a file's first non-blank line: what a file starts with differs from what a line does. */
    static final String NL_FIRST = "\n^";
    static final String STR = "<str>";
    static final String NUM = "<num>";
    static final String ID = "<id>";
    static final int MAX_STRING = 32;

    private ModelStream() {
    }

    static boolean isMarker(String t) {
        return !t.isEmpty() && t.charAt(0) == '\n';
    }

    /** Receives a stream as {@link #walk} finds it, without its texts having to be made. */
    interface Sink {
        /** A stream token that is not a piece of the source: a line marker or STR. */
        void constant(String text);

        /** A stream token that is src[from, to). */
        void token(String src, int from, int to);

        /** A word src[from, to) of a comment or string (see {@link #words}). */
        void word(String src, int from, int to);
    }

    /** The stream text of token i. */
    static String text(Tokens t, int i) {
        return collapsed(t, i) ? STR : t.text(i);
    }

    /** True for a string token the stream holds as STR: long, unterminated or spanning lines. */
    private static boolean collapsed(Tokens t, int i) {
        if (t.kind(i) != TokenKind.STRING) {
            return false;
        }
        if (t.end(i) - t.start(i) > MAX_STRING || t.open(i)) {
            return true;
        }
        for (int k = t.start(i); k < t.end(i); k++) {
            char c = t.src.charAt(k);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The stream of lines [from, to), the first one's marker taken relative to prevIndent. */
    static List<String> lines(Tokens t, LineIndex lines, int from, int to, int prevIndent, List<String> prose) {
        List<String> out = new ArrayList<>();
        walk(t, lines, from, to, prevIndent, new Sink() {
            @Override
            public void constant(String text) {
                out.add(text);
            }

            @Override
            public void token(String src, int a, int b) {
                out.add(src.substring(a, b));
            }

            @Override
            public void word(String src, int a, int b) {
                if (prose != null) {
                    prose.add(src.substring(a, b));
                }
            }
        });
        return out;
    }

    /**
     * Walks the stream of lines [from, to), the first one's marker taken relative to prevIndent,
     * and the words of their comments and strings.
     */
    static void walk(Tokens t, LineIndex lines, int from, int to, int prevIndent, Sink out) {
        int prev = prevIndent;
        for (int l = from; l < to; l++) {
            int ind = lines.indent[l];
            if (ind >= 0) {
                out.constant(LineIndex.marker(ind, prev));
                prev = ind;
            }
            for (int i = lines.firstTok[l]; i < lines.endTok[l]; i++) {
                byte k = t.kind(i);
                if (k == TokenKind.COMMENT || k == TokenKind.STRING) {
                    words(t.src, t.start(i), t.end(i), out);
                }
                if (ind < 0 || TokenKind.isTrivia(k)) {
                    continue;
                }
                if (collapsed(t, i)) {
                    out.constant(STR);
                } else {
                    out.token(t.src, t.start(i), t.end(i));
                }
            }
        }
    }

    /** The words (letters, digits, underscores; three characters or more) of src[from, to). */
    private static void words(String src, int from, int to, Sink out) {
        int i = from;
        while (i < to) {
            while (i < to && !isWordChar(src.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && isWordChar(src.charAt(i))) {
                i++;
            }
            if (i - s >= 3 && i - s <= 40 && !Character.isDigit(src.charAt(s))) {
                out.word(src, s, i);
            }
        }
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }
}
