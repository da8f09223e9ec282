package io.pairpad.complete;

import java.util.Arrays;

/**
 * Token n-gram counts of one token stream, in sorted arrays: the vocabulary with unigram
 * counts, and for every context of 1 to {@link #MAX_CONTEXT} tokens the tokens that followed
 * it with their counts (most frequent first). Immutable and compact; used for the chunks of
 * a document and, loaded from the classpath, for the shipped prior.
 */
final class NgramTable {
    static final int MAX_CONTEXT = 3;

    /** Sorted distinct tokens and how often each occurs. */
    final String[] vocab;
    final int[] unigram;
    final long total;
    /** Sorted context hashes; the tokens after context k are next[ctxStart[k] .. ctxStart[k+1]). */
    final long[] ctxKeys;
    final int[] ctxStart;
    final int[] nextTok;
    final int[] nextCount;
    /** Words seen in comments and strings (sorted, distinct). */
    final String[] proseWords;

    NgramTable(String[] vocab, int[] unigram, long[] ctxKeys, int[] ctxStart, int[] nextTok, int[] nextCount,
               String[] proseWords) {
        this.vocab = vocab;
        this.unigram = unigram;
        long t = 0;
        for (int c : unigram) {
            t += c;
        }
        this.total = t;
        this.ctxKeys = ctxKeys;
        this.ctxStart = ctxStart;
        this.nextTok = nextTok;
        this.nextCount = nextCount;
        this.proseWords = proseWords;
    }

    static final NgramTable EMPTY = build(new String[0], 0, new String[0]);

    /** Counts the n-grams of stream[0..n). */
    static NgramTable build(String[] stream, int n, String[] proseWords) {
        TokenIds ids = new TokenIds(n / 4);
        int[] seq = new int[n];
        for (int i = 0; i < n; i++) {
            seq[i] = ids.add(stream[i]);
        }
        return count(ids, seq, n, proseWords);
    }

    /** Counts the n-grams of a stream given as the ids of its tokens, seq[0..n). */
    static NgramTable count(TokenIds ids, int[] seq, int n, String[] proseWords) {
        String[] vocab = ids.sortedTexts();
        int[] rank = new int[vocab.length];
        int[] counts = new int[vocab.length];
        for (int id = 0; id < vocab.length; id++) {
            rank[id] = Arrays.binarySearch(vocab, ids.text(id));
            counts[rank[id]] = ids.count(id);
        }
        // (context hash, next token) pairs for every position and context length
        int m = 0;
        long[] keys = new long[Math.max(0, n - 1) * MAX_CONTEXT];
        int[] toks = new int[keys.length];
        for (int i = 1; i < n; i++) {
            long h = 0;
            int next = rank[seq[i]];
            for (int k = 1; k <= MAX_CONTEXT && i - k >= 0; k++) {
                h = extendContext(h, ids.hash(seq[i - k]), k);
                keys[m] = h;
                toks[m] = next;
                m++;
            }
        }
        return fromPairs(vocab, counts, keys, toks, null, m, proseWords);
    }

    /**
     * Hash of the context stream[j .. j+k) given the hash h of stream[j+1 .. j+k): contexts grow
     * leftwards, so that a context of k tokens is the one of k-1 tokens with one more in front.
     */
    static long contextStep(long h, long[] hashes, int j, int k) {
        return extendContext(h, hashes[j], k);
    }

    /** Hash of a context of k tokens: the one of the last k-1 (hash h) with a token of hash t in front. */
    static long extendContext(long h, long t, int k) {
        return Hash64.extend(h, t + k * 0x9E3779B97F4A7C15L);
    }

    /**
     * Builds the context arrays from (key, token, weight) triples [0, m); weights null means 1
     * each. Contexts are sorted by key, and the tokens after each by count, most first, then by id.
     */
    static NgramTable fromPairs(String[] vocab, int[] counts, long[] keys, int[] toks, int[] weights, int m,
                                String[] proseWords) {
        // sorted by (key, token): keys are hashes, so a bucket per top bits holds a few
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, m / 2));
        int buckets = 1 << bits;
        int[] bucketEnd = new int[buckets];
        for (int i = 0; i < m; i++) {
            bucketEnd[bucket(keys[i], bits)]++;
        }
        for (int b = 1; b < buckets; b++) {
            bucketEnd[b] += bucketEnd[b - 1];
        }
        long[] k2 = new long[m];
        // token in the high half, weight in the low half: ordering these orders by token
        long[] tw = new long[m];
        for (int i = m - 1; i >= 0; i--) {
            int p = --bucketEnd[bucket(keys[i], bits)];
            k2[p] = keys[i];
            tw[p] = ((long) toks[i] << 32) | (weights == null ? 1 : weights[i]);
        }
        // now bucketEnd[b] is where bucket b starts
        for (int b = 0; b < buckets; b++) {
            int end = b + 1 < buckets ? bucketEnd[b + 1] : m;
            if (end - bucketEnd[b] > 1) {
                sort(k2, tw, bucketEnd[b], end - 1);
            }
        }
        int nc = 0;
        int np = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || k2[i] != k2[i - 1]) {
                nc++;
                np++;
            } else if (tw[i] >>> 32 != tw[i - 1] >>> 32) {
                np++;
            }
        }
        long[] ctxKeys = new long[nc];
        int[] ctxStart = new int[nc + 1];
        int[] nextTok = new int[np];
        int[] nextCount = new int[np];
        nc = 0;
        np = 0;
        for (int i = 0; i < m; i++) {
            int t = (int) (tw[i] >>> 32);
            int w = (int) tw[i];
            if (nc == 0 || ctxKeys[nc - 1] != k2[i]) {
                ctxKeys[nc] = k2[i];
                ctxStart[nc] = np;
                nc++;
                nextTok[np] = t;
                nextCount[np] = w;
                np++;
            } else if (nextTok[np - 1] == t) {
                nextCount[np - 1] += w;
            } else {
                nextTok[np] = t;
                nextCount[np] = w;
                np++;
            }
        }
        ctxStart[nc] = np;
        // most frequent first within each context
        for (int c = 0; c < nc; c++) {
            sortRange(nextTok, nextCount, ctxStart[c], ctxStart[c + 1]);
        }
        return new NgramTable(vocab, counts, ctxKeys, ctxStart, nextTok, nextCount, proseWords);
    }

    /** The top bits of a key, in the order of signed keys. */
    private static int bucket(long key, int bits) {
        return (int) ((key ^ Long.MIN_VALUE) >>> (64 - bits));
    }

    /** Sorts the parallel arrays by (k, t) over [lo, hi], in place (quicksort, insertion sort for short ranges). */
    private static void sort(long[] k, long[] t, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            long pk = k[mid];
            long pt = t[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pk || (k[i] == pk && t[i] < pt)) {
                    i++;
                }
                while (k[j] > pk || (k[j] == pk && t[j] > pt)) {
                    j--;
                }
                if (i <= j) {
                    swap(k, t, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(k, t, lo, j);
                lo = i;
            } else {
                sort(k, t, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && (k[j - 1] > k[j] || (k[j - 1] == k[j] && t[j - 1] > t[j])); j--) {
                swap(k, t, j, j - 1);
            }
        }
    }

    private static void swap(long[] k, long[] t, int i, int j) {
        long a = k[i];
        k[i] = k[j];
        k[j] = a;
        long b = t[i];
        t[i] = t[j];
        t[j] = b;
    }

    private static void sortRange(int[] tok, int[] cnt, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int t = tok[i];
            int c = cnt[i];
            int j = i - 1;
            while (j >= from && cnt[j] < c) {
                tok[j + 1] = tok[j];
                cnt[j + 1] = cnt[j];
                j--;
            }
            tok[j + 1] = t;
            cnt[j + 1] = c;
        }
    }

    /** Index of context hash h in ctxKeys, or -1. */
    int context(long h) {
        int i = Arrays.binarySearch(ctxKeys, h);
        return i >= 0 ? i : -1;
    }

    /** Unigram count of a token. */
    int count(String t) {
        int i = Arrays.binarySearch(vocab, t);
        return i >= 0 ? unigram[i] : 0;
    }

    /** First vocabulary index whose token is &gt;= prefix (tokens starting with prefix follow it). */
    int prefixStart(String prefix) {
        int i = Arrays.binarySearch(vocab, prefix);
        return i >= 0 ? i : -i - 1;
    }

    int size() {
        return nextTok.length + vocab.length;
    }
}
