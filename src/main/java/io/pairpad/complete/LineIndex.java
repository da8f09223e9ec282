package io.pairpad.complete;

import java.util.Arrays;

/**
 * The lines of a token list: for each, its first token, the token after its last one (its
 * NEWLINE or the end), its source range and its indentation width (-1 for a line with only
 * spaces and comments). A string or comment spanning lines belongs to the line it starts on.
 */
final class LineIndex {
    final int[] firstTok;
    final int[] endTok;
    final int[] startOff;
    final int[] endOff;
    final int[] indent;
    final int count;

    private LineIndex(int[] firstTok, int[] endTok, int[] startOff, int[] endOff, int[] indent, int count) {
        this.firstTok = firstTok;
        this.endTok = endTok;
        this.startOff = startOff;
        this.endOff = endOff;
        this.indent = indent;
        this.count = count;
    }

    static LineIndex of(Tokens t) {
        int n = t.size();
        int cap = 16;
        int[] first = new int[cap];
        int[] end = new int[cap];
        int[] so = new int[cap];
        int[] eo = new int[cap];
        int[] ind = new int[cap];
        int count = 0;
        int i = 0;
        while (true) {
            if (count == first.length) {
                cap *= 2;
                first = Arrays.copyOf(first, cap);
                end = Arrays.copyOf(end, cap);
                so = Arrays.copyOf(so, cap);
                eo = Arrays.copyOf(eo, cap);
                ind = Arrays.copyOf(ind, cap);
            }
            int f = i;
            boolean blank = true;
            while (i < n && t.kind(i) != TokenKind.NEWLINE) {
                if (t.kind(i) != TokenKind.SPACE && t.kind(i) != TokenKind.COMMENT) {
                    blank = false;
                }
                i++;
            }
            first[count] = f;
            end[count] = i;
            so[count] = f < n ? t.start(f) : t.src.length();
            eo[count] = i < n ? t.start(i) : t.src.length();
            ind[count] = blank ? -1 : width(t, f);
            count++;
            if (i >= n) {
                break;
            }
            i++; // the NEWLINE
            if (i >= n) {
                // text ends with a line break: one more, empty line
                if (count == first.length) {
                    cap *= 2;
                    first = Arrays.copyOf(first, cap);
                    end = Arrays.copyOf(end, cap);
                    so = Arrays.copyOf(so, cap);
                    eo = Arrays.copyOf(eo, cap);
                    ind = Arrays.copyOf(ind, cap);
                }
                first[count] = n;
                end[count] = n;
                so[count] = t.src.length();
                eo[count] = t.src.length();
                ind[count] = -1;
                count++;
                break;
            }
        }
        return new LineIndex(first, end, so, eo, ind, count);
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
        if (prevIndent < 0 || indent == prevIndent) {
            return ModelStream.NL;
        }
        return indent > prevIndent ? ModelStream.NL_IN : ModelStream.NL_OUT;
    }
}
