package io.pairpad.complete;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The document's own n-gram statistics (the cache model's counts): the shared, remembered
 * {@link ChunkSet} of all lines but the cursor's, plus a small table of the cursor's line
 * before the word being typed.
 */
final class DocumentStats {
    private final ChunkSet base;
    private final NgramTable live;

    DocumentStats(ChunkSet base, NgramTable live) {
        this.base = base;
        this.live = live;
    }

    long total() {
        return base.total + live.total;
    }

    int count(String token) {
        return base.count(token) + live.count(token);
    }

    /** Tokens seen after the context of hash h. */
    NextCounts next(long h) {
        NextCounts b = base.next(h);
        int c = live.context(h);
        if (c < 0) {
            return b;
        }
        Map<String, int[]> m = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            m.put(b.tokens[i], new int[] {b.counts[i]});
        }
        ChunkSet.addTo(m, live, c);
        return NextCounts.of(m);
    }

    /** Tokens starting with prefix (longer than it) that accept holds for, with their counts. */
    Map<String, Integer> withPrefix(String prefix, Predicate<String> accept) {
        Map<String, Integer> out = new HashMap<>();
        base.withPrefix(prefix, accept, out);
        for (int i = live.prefixStart(prefix); i < live.vocab.length && live.vocab[i].startsWith(prefix); i++) {
            String w = live.vocab[i];
            if (w.length() > prefix.length() && accept.test(w)) {
                out.merge(w, live.unigram[i], Integer::sum);
            }
        }
        return out;
    }

    /** Words of comments and strings starting with prefix (longer than it), with how many chunks hold them. */
    Map<String, Integer> proseWithPrefix(String prefix) {
        Map<String, Integer> out = new HashMap<>();
        for (NgramTable t : base.tables) {
            String[] pw = t.proseWords;
            int i = java.util.Arrays.binarySearch(pw, prefix);
            for (i = i >= 0 ? i : -i - 1; i < pw.length && pw[i].startsWith(prefix); i++) {
                if (pw[i].length() > prefix.length()) {
                    out.merge(pw[i], 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
