package io.pairpad.complete;

import java.util.Arrays;
import java.util.Map;

/** The tokens seen after one context, with their counts, most frequent first. Immutable. */
final class NextCounts {
    static final NextCounts EMPTY = new NextCounts(new String[0], new int[0]);

    final String[] tokens;
    final int[] counts;
    final int total;

    NextCounts(String[] tokens, int[] counts) {
        this.tokens = tokens;
        this.counts = counts;
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        this.total = t;
    }

    static NextCounts of(Map<String, int[]> m) {
        String[] toks = new String[m.size()];
        int[] cs = new int[m.size()];
        Integer[] order = new Integer[m.size()];
        int i = 0;
        for (Map.Entry<String, int[]> e : m.entrySet()) {
            toks[i] = e.getKey();
            cs[i] = e.getValue()[0];
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> cs[b] != cs[a] ? Integer.compare(cs[b], cs[a]) : toks[a].compareTo(toks[b]));
        String[] t2 = new String[toks.length];
        int[] c2 = new int[toks.length];
        for (int k = 0; k < order.length; k++) {
            t2[k] = toks[order[k]];
            c2[k] = cs[order[k]];
        }
        return new NextCounts(t2, c2);
    }

    int size() {
        return tokens.length;
    }

    private volatile Map<String, Integer> index;

    int count(String t) {
        if (tokens.length <= 12) {
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].equals(t)) {
                    return counts[i];
                }
            }
            return 0;
        }
        Map<String, Integer> ix = index;
        if (ix == null) {
            ix = new java.util.HashMap<>(tokens.length * 2);
            for (int i = 0; i < tokens.length; i++) {
                ix.put(tokens[i], counts[i]);
            }
            index = ix;
        }
        Integer c = ix.get(t);
        return c == null ? 0 : c;
    }
}
