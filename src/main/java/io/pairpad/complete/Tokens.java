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
    private boolean[] nested;
    private int n;

    /**
     * How these tokens were re-lexed from those of an earlier text: tokens [0, head) are old's,
     * and tokens from tailNew on are old's from tailOld on, shifted (tailNew = size() if none are).
     */
    record Splice(Tokens old, int head, int tailOld, int tailNew) {
    }

    private Splice splice;
    private volatile LineIndex lines;

    Tokens(String src) {
        this(src, src.length() / 3);
    }

    /** Room for about capacity tokens at first. */
    Tokens(String src, int capacity) {
        this.src = src;
        int cap = Math.max(16, capacity);
        kinds = new byte[cap];
        starts = new int[cap];
        ends = new int[cap];
        open = new boolean[cap];
        nested = new boolean[cap];
    }

    void add(byte kind, int start, int end) {
        add(kind, start, end, false);
    }

    void add(byte kind, int start, int end, boolean unterminated) {
        add(kind, start, end, unterminated, false);
    }

    void add(byte kind, int start, int end, boolean unterminated, boolean inNested) {
        if (end <= start) {
            return;
        }
        ensure(n + 1);
        kinds[n] = kind;
        starts[n] = start;
        ends[n] = end;
        open[n] = unterminated;
        nested[n] = inNested;
        n++;
    }

    private void ensure(int size) {
        if (size > kinds.length) {
            int cap = Math.max(size, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            open = Arrays.copyOf(open, cap);
            nested = Arrays.copyOf(nested, cap);
        }
    }

    void spliced(Splice s) {
        splice = s;
    }

    /** The line index, computed once (from the earlier text's when these tokens were re-lexed from it). */
    LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            Splice s = splice;
            LineIndex old = s == null ? null : s.old().lines;
            l = old == null ? LineIndex.of(this) : LineIndex.derive(this, old, s);
            lines = l;
            splice = null; // let the earlier tokens go
        }
        return l;
    }

    /** Appends tokens [from, to) of other, their offsets moved by shift. */
    void append(Tokens other, int from, int to, int shift) {
        int m = to - from;
        if (m <= 0) {
            return;
        }
        ensure(n + m);
        System.arraycopy(other.kinds, from, kinds, n, m);
        System.arraycopy(other.open, from, open, n, m);
        System.arraycopy(other.nested, from, nested, n, m);
        for (int k = 0; k < m; k++) {
            starts[n + k] = other.starts[from + k] + shift;
            ends[n + k] = other.ends[from + k] + shift;
        }
        n += m;
    }

    /** True for a token lexed inside a template literal's ${...} or an f-string's {...}. */
    boolean nested(int i) {
        return nested[i];
    }

    /** Index of the first token starting at or after offset (size() if none). */
    int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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

    /** Index of the last token starting before offset (the one holding the character before it); -1 if none. */
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
