package io.pairpad.complete;

/**
 * The tokens of the last few texts lexed, so that the next request on the same document
 * (one more character typed, the cursor on another line) re-lexes only what changed.
 * Thread-safe: entries are immutable and swapped in whole.
 */
final class LexCache {
    private static final int SLOTS = 8;
    /** Below this many characters, lexing from scratch is cheaper than looking. */
    private static final int MIN_LENGTH = 4096;
    private static final int PROBE = 64;

    private record Entry(String language, Tokens tokens, char[] chars) {
    }

    private final Entry[] slots = new Entry[SLOTS];
    private int next;

    Tokens lex(LanguageSpec spec, String src) {
        if (src.length() < MIN_LENGTH) {
            return spec.lexer.lex(src);
        }
        Entry best = null;
        long bestShared = 0;
        int bestPrefix = 0;
        int bestSuffix = 0;
        Entry[] snapshot;
        synchronized (this) {
            snapshot = slots.clone();
        }
        char[] chars = src.toCharArray();
        for (int k = 0; k < snapshot.length; k++) {
            Entry e = snapshot[(next - 1 - k + 2 * SLOTS) % SLOTS];
            if (e == null || !e.language.equals(spec.name)) {
                continue;
            }
            String o = e.tokens.src;
            if (o.length() < src.length() / 2 || o.length() > src.length() * 2
                    || !src.regionMatches(0, o, 0, PROBE)
                    || !src.regionMatches(src.length() - PROBE, o, o.length() - PROBE, PROBE)) {
                continue;
            }
            int p = commonPrefix(chars, e.chars);
            if (p == chars.length && p == e.chars.length) {
                return e.tokens;
            }
            int s = commonSuffix(chars, e.chars, p);
            if ((long) p + s > bestShared) {
                bestShared = (long) p + s;
                best = e;
                bestPrefix = p;
                bestSuffix = s;
            }
            if (bestShared > chars.length - 4096L) {
                break; // close enough: a small edit
            }
        }
        Tokens t;
        if (best != null && bestShared > src.length() / 4) {
            t = spec.lexer.relex(src, best.tokens, bestPrefix, bestSuffix);
        } else {
            t = spec.lexer.lex(src);
        }
        synchronized (this) {
            slots[next] = new Entry(spec.name, t, chars);
            next = (next + 1) % SLOTS;
        }
        return t;
    }

    static int commonPrefix(String a, String b) {
        return commonPrefix(a.toCharArray(), b.toCharArray());
    }

    static int commonSuffix(String a, String b, int p) {
        return commonSuffix(a.toCharArray(), b.toCharArray(), p);
    }

    static int commonPrefix(char[] a, char[] b) {
        int m = java.util.Arrays.mismatch(a, b);
        return m < 0 ? a.length : m;
    }

    /** Common suffix of a and b not overlapping their common prefix p. */
    static int commonSuffix(char[] a, char[] b, int p) {
        int max = Math.min(a.length, b.length) - p;
        int i = 0;
        int block = 1024;
        while (i + block <= max && java.util.Arrays.equals(a, a.length - i - block, a.length - i,
                b, b.length - i - block, b.length - i)) {
            i += block;
        }
        while (i < max && a[a.length - 1 - i] == b[b.length - 1 - i]) {
            i++;
        }
        return i;
    }
}
