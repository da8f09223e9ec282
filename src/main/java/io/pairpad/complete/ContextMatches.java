package io.pairpad.complete;

import java.util.HashMap;
import java.util.Map;

/**
 * Where else in the document the tokens just before the cursor occur, and what followed them
 * there: for each such next token, the longest run of context tokens matched (up to
 * {@link #MAX_LEN}, longer than the n-gram models' 3), how often a run of at least
 * {@link #LONG} matched, and how far away the nearest match of at least two tokens is.
 * Line-start markers are left out, so a match may span lines.
 */
final class ContextMatches {
    static final int MAX_LEN = 8;
    static final int LONG = 4;
    /** Significant tokens looked at on each side of the cursor. */
    static final int WINDOW = 4000;

    /** Per next token: {longest match, matches of at least LONG, nearest distance of a match of at least 2}. */
    private final Map<String, int[]> byNext = new HashMap<>();

    ContextMatches(Document d) {
        Tokens t = d.tokens;
        String[] ctx = lastSignificant(t, d.contextEnd);
        if (ctx.length == 0) {
            return;
        }
        int[] before = significant(t, Math.max(0, d.contextEnd - 3 * WINDOW), d.contextEnd, WINDOW, true);
        scan(t, before, ctx, true);
        int from = d.lines.endTok[d.curLine];
        int[] after = significant(t, from, Math.min(t.size(), from + 3 * WINDOW), WINDOW, false);
        scan(t, after, ctx, false);
    }

    /** The longest context run after which token w came, 0 if none. */
    int longest(String w) {
        int[] s = byNext.get(w);
        return s == null ? 0 : s[0];
    }

    /** How often w came after a run of at least LONG context tokens. */
    int longCount(String w) {
        int[] s = byNext.get(w);
        return s == null ? 0 : s[1];
    }

    /** Distance in significant tokens to the nearest place w came after two context tokens, or -1. */
    int nearest(String w) {
        int[] s = byNext.get(w);
        return s == null || s[2] == Integer.MAX_VALUE ? -1 : s[2];
    }

    private void scan(Tokens t, int[] sig, String[] ctx, boolean before) {
        int k = ctx.length;
        for (int p = 1; p < sig.length; p++) {
            if (!t.textEquals(sig[p - 1], ctx[k - 1])) {
                continue;
            }
            int m = 1;
            while (m < k && p - 1 - m >= 0 && t.textEquals(sig[p - 1 - m], ctx[k - 1 - m])) {
                m++;
            }
            int dist = before ? sig.length - p : p + 1;
            int[] s = byNext.computeIfAbsent(ModelStream.text(t, sig[p]), x -> new int[] {0, 0, Integer.MAX_VALUE});
            s[0] = Math.max(s[0], m);
            if (m >= LONG) {
                s[1]++;
            }
            if (m >= 2) {
                s[2] = Math.min(s[2], dist);
            }
        }
    }

    /** The texts of the last MAX_LEN significant tokens before token end, oldest first. */
    private static String[] lastSignificant(Tokens t, int end) {
        int[] idx = significant(t, Math.max(0, end - 8 * MAX_LEN), end, MAX_LEN, true);
        String[] out = new String[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = t.text(idx[i]);
        }
        return out;
    }

    /** Indices of up to max significant tokens in [from, to), in order; the last ones if fromEnd. */
    private static int[] significant(Tokens t, int from, int to, int max, boolean fromEnd) {
        int[] buf = new int[Math.min(max, Math.max(0, to - from))];
        int n = 0;
        if (fromEnd) {
            for (int i = to - 1; i >= from && n < buf.length; i--) {
                if (!TokenKind.isTrivia(t.kind(i))) {
                    buf[n++] = i;
                }
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = buf[n - 1 - i];
            }
            return out;
        }
        for (int i = from; i < to && n < buf.length; i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                buf[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(buf, n);
    }
}
