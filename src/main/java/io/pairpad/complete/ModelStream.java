package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tokens into the stream the n-gram models count: significant tokens by their text
 * (long or multi-line strings as {@link #STR}), comments dropped, and before each non-blank
 * line one marker telling whether it is indented more, less or the same as the line before.
 */
final class ModelStream {
    static final String NL = "\n";
    static final String NL_IN = "\n+";
    static final String NL_OUT = "\n-";
    static final String STR = "<str>";
    static final String NUM = "<num>";
    static final String ID = "<id>";
    static final int MAX_STRING = 32;

    private ModelStream() {
    }

    static boolean isMarker(String t) {
        return !t.isEmpty() && t.charAt(0) == '\n';
    }

    /** The stream text of token i. */
    static String text(Tokens t, int i) {
        if (t.kind(i) == TokenKind.STRING) {
            if (t.end(i) - t.start(i) > MAX_STRING || t.open(i)) {
                return STR;
            }
            for (int k = t.start(i); k < t.end(i); k++) {
                char c = t.src.charAt(k);
                if (c == '\n' || c == '\r') {
                    return STR;
                }
            }
        }
        return t.text(i);
    }

    /** The stream of lines [from, to), the first one's marker taken relative to prevIndent. */
    static List<String> lines(Tokens t, LineIndex lines, int from, int to, int prevIndent, List<String> prose) {
        List<String> out = new ArrayList<>();
        int prev = prevIndent;
        for (int l = from; l < to; l++) {
            int ind = lines.indent[l];
            if (ind < 0) {
                addProse(t, lines.firstTok[l], lines.endTok[l], prose);
                continue;
            }
            out.add(LineIndex.marker(ind, prev));
            prev = ind;
            for (int i = lines.firstTok[l]; i < lines.endTok[l]; i++) {
                byte k = t.kind(i);
                if (k == TokenKind.SPACE) {
                    continue;
                }
                if (k == TokenKind.COMMENT || k == TokenKind.STRING) {
                    if (prose != null) {
                        words(t.src, t.start(i), t.end(i), prose);
                    }
                    if (k == TokenKind.COMMENT) {
                        continue;
                    }
                }
                out.add(text(t, i));
            }
        }
        return out;
    }

    private static void addProse(Tokens t, int from, int to, List<String> prose) {
        if (prose == null) {
            return;
        }
        for (int i = from; i < to; i++) {
            if (t.kind(i) == TokenKind.COMMENT || t.kind(i) == TokenKind.STRING) {
                words(t.src, t.start(i), t.end(i), prose);
            }
        }
    }

    /** Adds the words (letters, digits, underscores; three characters or more) of src[from, to). */
    static void words(String src, int from, int to, List<String> out) {
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
                out.add(src.substring(s, i));
            }
        }
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
