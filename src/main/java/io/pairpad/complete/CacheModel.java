package io.pairpad.complete;

import java.util.List;

/**
 * The document's token n-gram model (a "cache" model): Witten-Bell interpolation of the
 * counts after the last 3, 2 and 1 context tokens and the unigram counts.
 */
final class CacheModel {
    final DocumentStats stats;
    /** next[k-1]: tokens seen after the last k context tokens (k = 1..3). */
    final NextCounts[] next = new NextCounts[NgramTable.MAX_CONTEXT];
    final int order;

    CacheModel(DocumentStats stats, List<String> context) {
        this.stats = stats;
        long h = 0;
        int n = context.size();
        int ord = 0;
        for (int k = 1; k <= NgramTable.MAX_CONTEXT; k++) {
            if (n - k < 0) {
                next[k - 1] = NextCounts.EMPTY;
                continue;
            }
            h = NgramTable.extendContext(h, Hash64.of(context.get(n - k)), k);
            next[k - 1] = stats.next(h);
            if (next[k - 1].total > 0) {
                ord = k;
            }
        }
        this.order = ord;
    }

    /** P(w | context), interpolated; unigram c/n at the bottom (0 for an unseen token). */
    double prob(String w) {
        long n = stats.total();
        double p = n > 0 ? (double) stats.count(w) / n : 0.0;
        for (int k = 1; k <= NgramTable.MAX_CONTEXT; k++) {
            NextCounts nc = next[k - 1];
            if (nc.total == 0) {
                break;
            }
            p = (nc.count(w) + nc.size() * p) / (nc.total + nc.size());
        }
        return p;
    }

    /** Count of w after the last k context tokens. */
    int count(int k, String w) {
        return next[k - 1].count(w);
    }
}
