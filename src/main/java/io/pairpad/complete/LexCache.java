package io.pairpad.complete;

/**
 * The tokens of the last few texts lexed, so that the next request on the same document
 * (one more character typed, the cursor on another line) re-lexes only what changed.
 * Thread-safe: entries are immutable and swapped in whole.
 */
final class LexCache {
    private static final int SLOTS = 16;
    /** Below this many characters, lexing from scratch is cheaper than looking. */
    private static final int MIN_LENGTH = 4096;
    private static final int PROBE = 64;

    private record Entry(String language, Tokens tokens) {
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
        for (Entry e : snapshot) {
            if (e == null || !e.language.equals(spec.name)) {
                continue;
            }
            String o = e.tokens.src;
            if (o.length() < src.length() / 2 || o.length() > src.length() * 2
                    || !src.regionMatches(0, o, 0, PROBE)
                    || !src.regionMatches(src.length() - PROBE, o, o.length() - PROBE, PROBE)) {
                continue;
            }
            if (o.equals(src)) {
                return e.tokens;
            }
            int p = commonPrefix(src, o);
            int s = commonSuffix(src, o, p);
            if ((long) p + s > bestShared) {
                bestShared = (long) p + s;
                best = e;
                bestPrefix = p;
                bestSuffix = s;
            }
        }
        Tokens t;
        if (best != null && bestShared > src.length() / 4) {
            t = spec.lexer.relex(src, best.tokens, bestPrefix, bestSuffix);
        } else {
            t = spec.lexer.lex(src);
        }
        synchronized (this) {
            slots[next] = new Entry(spec.name, t);
            next = (next + 1) % SLOTS;
        }
        return t;
    }

    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        int block = 512;
        while (i + block <= n && a.regionMatches(i, b, i, block)) {
            i += block;
        }
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Common suffix of a and b not overlapping their common prefix p. */
    static int commonSuffix(String a, String b, int p) {
        int max = Math.min(a.length(), b.length()) - p;
        int i = 0;
        int block = 512;
        while (i + block <= max && a.regionMatches(a.length() - i - block, b, b.length() - i - block, block)) {
            i += block;
        }
        while (i < max && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
