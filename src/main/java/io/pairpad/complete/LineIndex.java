package io.pairpad.complete;

import java.util.Arrays;

/**
 * The lines of a token list: for each, its first token, the token after its last one (its
 * NEWLINE or the end), its source range, its indentation width (-1 for a line with only
 * spaces and comments) and a hash of its text. A string or comment spanning lines belongs to
 * the line it starts on. For tokens re-lexed from an earlier text ({@link Tokens.Splice}),
 * the lines the edit did not touch are taken over from that text's index instead of scanned
 * and hashed again.
 */
final class LineIndex {
    final int[] firstTok;
    final int[] endTok;
    final int[] startOff;
    final int[] endOff;
    final int[] indent;
    final long[] hash;
    final int count;

    private LineIndex(Builder b) {
        this.firstTok = b.first;
        this.endTok = b.end;
        this.startOff = b.so;
        this.endOff = b.eo;
        this.indent = b.ind;
        this.hash = b.hash;
        this.count = b.count;
    }

    static LineIndex of(Tokens t) {
        Builder b = new Builder(16);
        b.scan(t, 0, -1);
        return new LineIndex(b);
    }

    /** The index of t, re-lexed from old (whose index is oldLines) as splice says. */
    static LineIndex derive(Tokens t, LineIndex oldLines, Tokens.Splice splice) {
        Builder b = new Builder(oldLines.count + 16);
        int l = 0;
        // lines whose NEWLINE lies in the kept head are unchanged
        while (l < oldLines.count && oldLines.endTok[l] < splice.head()) {
            b.copy(oldLines, l, 0, 0);
            l++;
        }
        boolean tail = splice.tailNew() < t.size();
        b.scan(t, splice.head(), tail ? splice.tailNew() : -1);
        if (tail) {
            int dt = splice.tailNew() - splice.tailOld();
            int shift = t.src.length() - splice.old().src.length();
            int k = Arrays.binarySearch(oldLines.firstTok, 0, oldLines.count, splice.tailOld());
            if (k < 0) {
                return of(t); // not a line start of old: cannot happen for a splice made by Lexer.relex
            }
            for (; k < oldLines.count; k++) {
                b.copy(oldLines, k, dt, shift);
            }
        }
        return new LineIndex(b);
    }

    private static final class Builder {
        int[] first;
        int[] end;
        int[] so;
        int[] eo;
        int[] ind;
        long[] hash;
        int count;

        Builder(int cap) {
            first = new int[cap];
            end = new int[cap];
            so = new int[cap];
            eo = new int[cap];
            ind = new int[cap];
            hash = new long[cap];
        }

        private void room() {
            if (count == first.length) {
                int cap = first.length * 2;
                first = Arrays.copyOf(first, cap);
                end = Arrays.copyOf(end, cap);
                so = Arrays.copyOf(so, cap);
                eo = Arrays.copyOf(eo, cap);
                ind = Arrays.copyOf(ind, cap);
                hash = Arrays.copyOf(hash, cap);
            }
        }

        private void add(int f, int e, int s, int o, int indent, long h) {
            room();
            first[count] = f;
            end[count] = e;
            so[count] = s;
            eo[count] = o;
            ind[count] = indent;
            hash[count] = h;
            count++;
        }

        /** Line l of from, its token indices moved by dt and its offsets by shift. */
        void copy(LineIndex from, int l, int dt, int shift) {
            add(from.firstTok[l] + dt, from.endTok[l] + dt, from.startOff[l] + shift, from.endOff[l] + shift,
                    from.indent[l], from.hash[l]);
        }

        /** Scans the lines of t from token i, a line start, up to the line starting at token stop (-1: the end). */
        void scan(Tokens t, int i, int stop) {
            int n = t.size();
            String src = t.src;
            while (i != stop) {
                int f = i;
                boolean blank = true;
                while (i < n && t.kind(i) != TokenKind.NEWLINE) {
                    if (t.kind(i) != TokenKind.SPACE && t.kind(i) != TokenKind.COMMENT) {
                        blank = false;
                    }
                    i++;
                }
                int s = f < n ? t.start(f) : src.length();
                int o = i < n ? t.start(i) : src.length();
                add(f, i, s, o, blank ? -1 : width(t, f), Hash64.of(src, s, o));
                if (i >= n) {
                    return;
                }
                i++; // the NEWLINE
                if (i >= n) {
                    // text ends with a line break: one more, empty line
                    add(n, n, src.length(), src.length(), -1, Hash64.of(src, src.length(), src.length()));
                    return;
                }
            }
        }
    }

    /** Indentation width of a line starting at token f (tabs to multiples of 8). */
    static int width(Tokens t, int f) {
        if (f >= t.size() || t.kind(f) != TokenKind.SPACE) {
            return 0;
        }
        int w = 0;
        for (int k = t.start(f); k < t.end(f); k++) {
            w = t.src.charAt(k) == '\t' ? (w / 8 + 1) * 8 : w + 1;
        }
        return w;
    }

    /** The line holding source offset off (a line's range includes its end, where its NEWLINE starts). */
    int lineOf(int off) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startOff[mid] <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The newline marker a line gets in the model stream, from its indentation and the previous non-blank line's. */
    static String marker(int indent, int prevIndent) {
        if (prevIndent < 0) {
            return ModelStream.NL_FIRST;
        }
        if (indent == prevIndent) {
            return ModelStream.NL;
        }
        return indent > prevIndent ? ModelStream.NL_IN : ModelStream.NL_OUT;
    }
}
