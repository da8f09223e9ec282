package io.pairpad.complete;

import java.util.Arrays;

/**
 * The tokens of one text, covering it entirely, in parallel arrays. Immutable once built.
 * {@link #open(int)} tells whether a string or comment token was left unterminated.
 */
final class Tokens {
    final String src;
    private byte[] kinds;
    private int[] starts;
    private int[] ends;
    private boolean[] open;
    private int n;

    Tokens(String src) {
        this.src = src;
        int cap = Math.max(16, src.length() / 3);
        kinds = new byte[cap];
        starts = new int[cap];
        ends = new int[cap];
        open = new boolean[cap];
    }

    void add(byte kind, int start, int end) {
        add(kind, start, end, false);
    }

    void add(byte kind, int start, int end, boolean unterminated) {
        if (end <= start) {
            return;
        }
        if (n == kinds.length) {
            int cap = n * 2;
            kinds = Arrays.copyOf(kinds, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            open = Arrays.copyOf(open, cap);
        }
        kinds[n] = kind;
        starts[n] = start;
        ends[n] = end;
        open[n] = unterminated;
        n++;
    }

    int size() {
        return n;
    }

    byte kind(int i) {
        return kinds[i];
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** True for a string or comment that runs to the end of its line or text without its closing delimiter. */
    boolean open(int i) {
        return open[i];
    }

    String text(int i) {
        return src.substring(starts[i], ends[i]);
    }

    boolean textEquals(int i, String s) {
        int len = ends[i] - starts[i];
        return len == s.length() && src.startsWith(s, starts[i]);
    }

    char firstChar(int i) {
        return src.charAt(starts[i]);
    }

    /** Index of the token containing offset (start &lt;= offset &lt; end), or the last token ending at it; -1 if none. */
    int indexAt(int offset) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
