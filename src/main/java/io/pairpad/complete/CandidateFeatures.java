package io.pairpad.complete;

import java.util.List;

/** Computes the ranking features ({@link Features}) of one request's candidates from its {@link Evidence}. */
final class CandidateFeatures {
    private final Evidence e;
    private final String prev;
    /** Name candidates the prior does not know: they share its probability of an unknown name. */
    private final int unknownNames;

    CandidateFeatures(Evidence e, List<Candidate> cands) {
        this.e = e;
        this.prev = e.previousToken();
        int n = 0;
        for (Candidate c : cands) {
            if (Predictor.isName(c.token) && !e.priorKnows(c.token)) {
                n++;
            }
        }
        this.unknownNames = n;
    }

    double[] of(Candidate c) {
        double[] f = new double[Features.N];
        String t = c.token;
        modelFeatures(f, t);
        distanceFeatures(f, t);
        kindFeatures(f, t);
        analogFeatures(f, t);
        structureFeatures(f, t);
        if (e.cls == ContextClass.LINE_START) {
            lineStartFeatures(f, t);
        }
        return f;
    }

    /** The document's and the prior's n-gram probabilities and counts. */
    private void modelFeatures(double[] f, String t) {
        CacheModel cm = e.cache;
        PriorView pv = e.priorView;
        double pc = cm.prob(t);
        double pp = pv.prob(t, unknownNames);
        f[Features.LOG_P_CACHE] = Math.log(pc + 1e-7);
        f[Features.LOG_P_PRIOR] = Math.log(pp + 1e-7);
        f[Features.PRIOR_UNKNOWN] = pv.known(t) ? 0 : 1;
        int c3 = cm.count(3, t);
        int c2 = cm.count(2, t);
        int c1 = cm.count(1, t);
        f[Features.LOG_C3] = Math.log1p(c3);
        f[Features.LOG_C2] = Math.log1p(c2);
        f[Features.LOG_C1] = Math.log1p(c1);
        f[Features.LOG_UNI] = Math.log1p(e.doc.stats.count(t));
        f[Features.REL3] = rel(c3, cm.next[2]);
        f[Features.REL2] = rel(c2, cm.next[1]);
        f[Features.REL1] = rel(c1, cm.next[0]);
        f[Features.PRIOR_REL3] = pv.rel(3, t);
        f[Features.PRIOR_REL2] = pv.rel(2, t);
        f[Features.PRIOR_REL1] = pv.rel(1, t);
        f[Features.LOG_P_MIX] = Math.log(0.5 * pc + 0.5 * pp + 1e-7);
    }

    /** How far before and after the cursor the token was last and next seen. */
    private void distanceFeatures(double[] f, String t) {
        int dist = e.before.of(t);
        f[Features.LOG_DIST] = dist < 0 ? Math.log(Evidence.RECENCY_TOKENS) : Math.log1p(dist);
        f[Features.UNSEEN_BEFORE] = dist < 0 ? 1 : 0;
        int distAfter = e.after.of(t);
        f[Features.SEEN_AFTER] = distAfter < 0 ? 0 : 1;
        f[Features.LOG_DIST_AFTER] = distAfter < 0 ? Math.log(Evidence.RECENCY_TOKENS) : Math.log1p(distAfter);
    }

    /** What sort of token it is, and how it relates to what is typed. Needs the distance features. */
    private void kindFeatures(double[] f, String t) {
        Document d = e.doc;
        boolean name = Predictor.isName(t);
        f[Features.KEYWORD] = d.spec.isKeyword(t) ? 1 : 0;
        f[Features.BUILTIN] = d.spec.isBuiltin(t) ? 1 : 0;
        f[Features.NAME] = name && f[Features.KEYWORD] == 0 ? 1 : 0;
        f[Features.FIRST_USE] = f[Features.UNSEEN_BEFORE] == 1 && f[Features.SEEN_AFTER] == 1 && f[Features.NAME] == 1 ? 1 : 0;
        char c0 = t.charAt(0);
        boolean literal = Character.isDigit(c0) || c0 == '"' || c0 == '\'' || c0 == '`' || (!name && c0 == '.' && t.length() > 1);
        f[Features.LITERAL] = literal ? 1 : 0;
        f[Features.OP] = !name && !literal ? 1 : 0;
        f[Features.PARAMETER] = e.params.contains(t) ? 1 : 0;
        f[Features.LOG_REST_LEN] = Math.log1p(t.length() - d.prefix.length());
        f[Features.EXACT] = t.equals(d.prefix) && !d.prefix.isEmpty() ? 1 : 0;
        f[Features.REPEAT_PREV] = t.equals(prev) ? 1 : 0;
        f[Features.SNIPPET] = 0;
    }

    /** What followed lines like the cursor's, and runs of tokens like the ones before it. */
    private void analogFeatures(double[] f, String t) {
        LineAnalogs analogs = e.analogs;
        int a = analogs.next.getOrDefault(t, 0);
        f[Features.LOG_ANALOG] = Math.log1p(a);
        f[Features.ANALOG_REL] = analogs.total == 0 ? 0 : (double) a / analogs.total;
        f[Features.MATCH_LEN] = e.matches.longest(t);
        f[Features.LOG_LONG_MATCHES] = Math.log1p(e.matches.longCount(t));
        int near = e.matches.nearest(t);
        f[Features.LOG_MATCH_DIST] = Math.log(near < 0 ? 2 * ContextMatches.WINDOW : near);
    }

    /** Members of the receiver's class, and names an import line may bring in. */
    private void structureFeatures(double[] f, String t) {
        Integer member = e.members.get(t);
        f[Features.RECV_MEMBER] = member == null ? 0 : 1;
        f[Features.RECV_METHOD] = member != null && member == ClassIndex.METHOD ? 1 : 0;
        if (e.imports != null) {
            f[Features.IMPORT_NEW] = e.after.of(t) >= 0 && e.imports.isNew(t, e.before) ? 1 : 0;
            f[Features.IMPORT_ORDER] = e.imports.inOrder(t);
        }
    }

    /** How sibling lines begin, and which first tokens go with the next line's indentation. */
    private void lineStartFeatures(double[] f, String t) {
        LineAnalogs analogs = e.analogs;
        f[Features.SIBLING_FIRST] = Math.log1p(analogs.siblingFirst.getOrDefault(t, 0));
        f[Features.PREV_LINE_FIRST] = t.equals(analogs.prevFirst) ? 1 : 0;
        f[Features.BLOCK_CLAUSE] = BlockContinuation.of(e.spec, analogs.prevFirst, t);
        int fw = analogs.firstWithDelta.getOrDefault(t, 0);
        f[Features.LOG_FOLLOW] = Math.log1p(fw);
        f[Features.FOLLOW_REL] = (double) fw / (1 + analogs.firstCount.getOrDefault(t, 0));
    }

    private static double rel(int c, NextCounts nc) {
        return nc.total == 0 ? 0 : (double) c / nc.total;
    }
}
