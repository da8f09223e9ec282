package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The n-gram tables of document chunks, keyed by the chunk's content (a hash of its text,
 * with its language and the indentation before it), so that a request on an edited document recounts only the
 * chunks that changed. Bounded by the total size of the tables; the least recently used
 * go first. Thread-safe.
 */
final class ChunkCache {
    /**
     * A chunk by its content: language, indentation before it, and a 64-bit hash and length of
     * its text (hashing line by line avoids copying and comparing the text on every request).
     */
    record Key(String language, int prevIndent, long hash, int length) {
    }

    private static final class Entry {
        final NgramTable table;
        volatile long used;

        Entry(NgramTable table, long used) {
            this.table = table;
            this.used = used;
        }
    }

    private final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final long budget;

    ChunkCache(long budget) {
        this.budget = budget;
    }

    NgramTable get(Key key, Supplier<NgramTable> build) {
        long now = clock.incrementAndGet();
        Entry e = map.get(key);
        if (e != null) {
            e.used = now;
            return e.table;
        }
        NgramTable t = build.get();
        Entry fresh = new Entry(t, now);
        Entry prev = map.putIfAbsent(key, fresh);
        if (prev != null) {
            return prev.table;
        }
        if (weight.addAndGet(weigh(key, t)) > budget) {
            evict();
        }
        return t;
    }

    private static long weigh(Key k, NgramTable t) {
        return 64 + t.size();
    }

    /** Drops the older half of the entries. */
    private synchronized void evict() {
        if (weight.get() <= budget) {
            return;
        }
        List<Map.Entry<Key, Entry>> all = new ArrayList<>(map.entrySet());
        all.sort((a, b) -> Long.compare(a.getValue().used, b.getValue().used));
        int drop = all.size() / 2;
        for (int i = 0; i < drop; i++) {
            Map.Entry<Key, Entry> e = all.get(i);
            if (map.remove(e.getKey(), e.getValue())) {
                weight.addAndGet(-weigh(e.getKey(), e.getValue().table));
            }
        }
    }

    int entries() {
        return map.size();
    }
}
