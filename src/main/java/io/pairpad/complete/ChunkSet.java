package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The chunk tables of a document except the cursor's line, with the merged answers to the
 * questions requests ask (tokens after a context, counts of a token) remembered: while
 * someone types on one line, every request sees the same chunks and asks much the same.
 * When the cursor moves to another line only the chunks around it change, so a set can be
 * made from an earlier one (its root) and the few tables that differ: its answers are the
 * root's, remembered there, corrected by those tables. Thread-safe.
 */
final class ChunkSet {
    private static final int MAX_REMEMBERED = 1024;
    /** A set differing from a root by more tables than this is made a root of its own. */
    static final int MAX_DIFFERENCE = 8;

    final NgramTable[] tables;
    final long total;
    private final ChunkSet root;
    private final NgramTable[] removed;
    private final NgramTable[] added;
    private final ConcurrentHashMap<Long, NextCounts> next = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    ChunkSet(NgramTable[] tables) {
        this(tables, null, new NgramTable[0], new NgramTable[0]);
    }

    private ChunkSet(NgramTable[] tables, ChunkSet root, NgramTable[] removed, NgramTable[] added) {
        this.tables = tables;
        this.root = root;
        this.removed = removed;
        this.added = added;
        long t = 0;
        for (NgramTable tb : tables) {
            t += tb.total;
        }
        this.total = t;
    }

    /**
     * The set of tables, made from this set's root (or this set) when they differ by at most
     * MAX_DIFFERENCE tables, else a root of its own.
     */
    ChunkSet derive(NgramTable[] newTables) {
        ChunkSet base = root == null ? this : root;
        Map<NgramTable, Integer> have = new IdentityHashMap<>();
        for (NgramTable t : base.tables) {
            have.merge(t, 1, Integer::sum);
        }
        List<NgramTable> plus = new ArrayList<>();
        for (NgramTable t : newTables) {
            Integer c = have.get(t);
            if (c == null || c == 0) {
                plus.add(t);
                if (plus.size() > MAX_DIFFERENCE) {
                    return new ChunkSet(newTables);
                }
            } else {
                have.put(t, c - 1);
            }
        }
        List<NgramTable> minus = new ArrayList<>();
        for (Map.Entry<NgramTable, Integer> e : have.entrySet()) {
            minus.addAll(Collections.nCopies(e.getValue(), e.getKey()));
        }
        if (minus.size() + plus.size() > MAX_DIFFERENCE) {
            return new ChunkSet(newTables);
        }
        return new ChunkSet(newTables, base, minus.toArray(new NgramTable[0]), plus.toArray(new NgramTable[0]));
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
            nc = root == null ? merge(tables, h) : corrected(root.next(h), h);
            if (next.size() < MAX_REMEMBERED) {
                next.put(h, nc);
            }
        }
        return nc;
    }

    /** The root's continuations of context h without those of the removed tables, with the added ones'. */
    private NextCounts corrected(NextCounts fromRoot, long h) {
        Map<String, int[]> m = null;
        for (NgramTable t : removed) {
            int c = t.context(h);
            if (c >= 0) {
                m = m == null ? toMap(fromRoot) : m;
                for (int k = t.ctxStart[c]; k < t.ctxStart[c + 1]; k++) {
                    m.get(t.vocab[t.nextTok[k]])[0] -= t.nextCount[k];
                }
            }
        }
        for (NgramTable t : added) {
            int c = t.context(h);
            if (c >= 0) {
                m = m == null ? toMap(fromRoot) : m;
                addTo(m, t, c);
            }
        }
        if (m == null) {
            return fromRoot;
        }
        m.values().removeIf(c -> c[0] == 0);
        return m.isEmpty() ? NextCounts.EMPTY : NextCounts.of(m);
    }

    private static Map<String, int[]> toMap(NextCounts nc) {
        Map<String, int[]> m = new HashMap<>(nc.size() * 2);
        for (int i = 0; i < nc.size(); i++) {
            m.put(nc.tokens[i], new int[] {nc.counts[i]});
        }
        return m;
    }

    int count(String token) {
        Integer c = counts.get(token);
        if (c == null) {
            int s = 0;
            if (root == null) {
                for (NgramTable t : tables) {
                    s += t.count(token);
                }
            } else {
                s = root.count(token);
                for (NgramTable t : removed) {
                    s -= t.count(token);
                }
                for (NgramTable t : added) {
                    s += t.count(token);
                }
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

    /** The chunk sets of recent requests, to find the one a new request shares or derive it from the last. */
    static final class Recent {
        private final ChunkSet[] slots = new ChunkSet[8];
        private int next;

        synchronized ChunkSet get(NgramTable[] tables) {
            for (ChunkSet s : slots) {
                if (s != null && s.sameTables(tables)) {
                    return s;
                }
            }
            ChunkSet last = slots[(next + slots.length - 1) % slots.length];
            ChunkSet s = last == null ? new ChunkSet(tables) : last.derive(tables);
            slots[next] = s;
            next = (next + 1) % slots.length;
            return s;
        }
    }
}
