package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;

/** The shipped prior seen from one cursor: its continuations of the abstracted context, interpolated. */
final class PriorView {
    final PriorModel prior;
    final NextCounts[] next = new NextCounts[NgramTable.MAX_CONTEXT];

    PriorView(PriorModel prior, List<String> context) {
        this.prior = prior;
        List<String> abs = new ArrayList<>(context.size());
        for (String t : context) {
            abs.add(prior == null ? t : prior.abstractToken(t));
        }
        for (int k = 1; k <= NgramTable.MAX_CONTEXT; k++) {
            next[k - 1] = prior == null ? NextCounts.EMPTY : prior.next(abs, k);
        }
    }

    boolean known(String t) {
        return prior != null && prior.table.count(t) > 0;
    }

    /** P(t | context) under the prior; a token the prior does not know gets a share of its class. */
    double prob(String t, int classShare) {
        if (prior == null) {
            return 0;
        }
        String a = prior.abstractToken(t);
        double p = interp(a);
        if (!a.equals(t)) {
            p /= Math.max(1, classShare);
        }
        return p;
    }

    private double interp(String a) {
        NgramTable tb = prior.table;
        double p = tb.total > 0 ? (tb.count(a) + 0.5) / (tb.total + 0.5 * tb.vocab.length) : 0;
        for (int k = 1; k <= NgramTable.MAX_CONTEXT; k++) {
            NextCounts nc = next[k - 1];
            if (nc.total == 0) {
                break;
            }
            p = (nc.count(a) + nc.size() * p) / (nc.total + nc.size());
        }
        return p;
    }

    double rel(int k, String t) {
        NextCounts nc = next[k - 1];
        if (nc.total == 0 || prior == null) {
            return 0;
        }
        return (double) nc.count(prior.abstractToken(t)) / nc.total;
    }
}
