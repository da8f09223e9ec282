package io.pairpad.complete;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's own n-gram statistics (the cache model's counts) seen through the tables
 * of its chunks: merged on demand for the few contexts and prefixes a request asks about.
 */
final class DocumentStats {
    private final List<NgramTable> tables;
    private final long total;

    DocumentStats(List<NgramTable> tables) {
        this.tables = tables;
        long t = 0;
        for (NgramTable tb : tables) {
            t += tb.total;
        }
        this.total = t;
    }

    long total() {
        return total;
    }

    int count(String token) {
        int c = 0;
        for (NgramTable t : tables) {
            c += t.count(token);
        }
        return c;
    }

    /** Tokens seen after the context of hash h, merged over the chunks. */
    NextCounts next(long h) {
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

    private static void addTo(Map<String, int[]> m, NgramTable t, int c) {
        for (int k = t.ctxStart[c]; k < t.ctxStart[c + 1]; k++) {
            m.computeIfAbsent(t.vocab[t.nextTok[k]], x -> new int[1])[0] += t.nextCount[k];
        }
    }

    /** Tokens starting with prefix (longer than it) and their counts; when names, only those for which isName holds. */
    Map<String, Integer> withPrefix(String prefix, java.util.function.Predicate<String> accept) {
        Map<String, Integer> out = new HashMap<>();
        for (NgramTable t : tables) {
            for (int i = t.prefixStart(prefix); i < t.vocab.length && t.vocab[i].startsWith(prefix); i++) {
                String w = t.vocab[i];
                if (w.length() > prefix.length() && accept.test(w)) {
                    out.merge(w, t.unigram[i], Integer::sum);
                }
            }
        }
        return out;
    }

    /** Words of comments and strings starting with prefix (longer than it), with how many chunks hold them. */
    Map<String, Integer> proseWithPrefix(String prefix) {
        Map<String, Integer> out = new HashMap<>();
        for (NgramTable t : tables) {
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
