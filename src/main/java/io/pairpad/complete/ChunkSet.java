package io.pairpad.complete;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The chunk tables of a document except the cursor's line, with the merged answers to the
 * questions requests ask (tokens after a context, counts of a token) remembered: while
 * someone types on one line, every request sees the same chunks and asks much the same.
 * Thread-safe.
 */
final class ChunkSet {
    private static final int MAX_REMEMBERED = 1024;

    final NgramTable[] tables;
    final long total;
    private final ConcurrentHashMap<Long, NextCounts> next = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    ChunkSet(NgramTable[] tables) {
        this.tables = tables;
        long t = 0;
        for (NgramTable tb : tables) {
            t += tb.total;
        }
        this.total = t;
    }

    boolean sameTables(NgramTable[] other) {
        if (other.length != tables.length) {
            return false;
        }
        for (int i = 0; i < tables.length; i++) {
            if (other[i] != tables[i]) {
                return false;
            }
        }
        return true;
    }

    NextCounts next(long h) {
        NextCounts nc = next.get(h);
        if (nc == null) {
            nc = merge(tables, h);
            if (next.size() < MAX_REMEMBERED) {
                next.put(h, nc);
            }
        }
        return nc;
    }

    int count(String token) {
        Integer c = counts.get(token);
        if (c == null) {
            int s = 0;
            for (NgramTable t : tables) {
                s += t.count(token);
            }
            c = s;
            if (counts.size() < MAX_REMEMBERED * 4) {
                counts.put(token, c);
            }
        }
        return c;
    }

    static NextCounts merge(NgramTable[] tables, long h) {
        Map<String, int[]> m = null;
        NgramTable only = null;
        int onlyIdx = -1;
        for (NgramTable t : tables) {
            int c = t.context(h);
            if (c < 0) {
                continue;
            }
            if (m == null && only == null) {
                only = t;
                onlyIdx = c;
                continue;
            }
            if (m == null) {
                m = new HashMap<>();
                addTo(m, only, onlyIdx);
            }
            addTo(m, t, c);
        }
        if (m != null) {
            return NextCounts.of(m);
        }
        if (only != null) {
            int from = only.ctxStart[onlyIdx];
            int to = only.ctxStart[onlyIdx + 1];
            String[] toks = new String[to - from];
            int[] cs = new int[to - from];
            for (int k = from; k < to; k++) {
                toks[k - from] = only.vocab[only.nextTok[k]];
                cs[k - from] = only.nextCount[k];
            }
            return new NextCounts(toks, cs);
        }
        return NextCounts.EMPTY;
    }

    static void addTo(Map<String, int[]> m, NgramTable t, int c) {
        for (int k = t.ctxStart[c]; k < t.ctxStart[c + 1]; k++) {
            m.computeIfAbsent(t.vocab[t.nextTok[k]], x -> new int[1])[0] += t.nextCount[k];
        }
    }

    void withPrefix(String prefix, Predicate<String> accept, Map<String, Integer> out) {
        for (NgramTable t : tables) {
            for (int i = t.prefixStart(prefix); i < t.vocab.length && t.vocab[i].startsWith(prefix); i++) {
                String w = t.vocab[i];
                if (w.length() > prefix.length() && accept.test(w)) {
                    out.merge(w, t.unigram[i], Integer::sum);
                }
            }
        }
    }

    /** The chunk sets of recent requests, to find the one a new request shares. */
    static final class Recent {
        private final ChunkSet[] slots = new ChunkSet[8];
        private int next;

        synchronized ChunkSet get(NgramTable[] tables) {
            for (ChunkSet s : slots) {
                if (s != null && s.sameTables(tables)) {
                    return s;
                }
            }
            ChunkSet s = new ChunkSet(tables);
            slots[next] = s;
            next = (next + 1) % slots.length;
            return s;
        }
    }
}
