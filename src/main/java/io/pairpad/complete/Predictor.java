package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Predicts the next token at the cursor: gathers candidates from the candidate sources
 * (document words, the n-gram models' continuations, keywords and builtins, parameters of
 * the enclosing function), computes their features and ranks them.
 */
final class Predictor {
    static final int MAX_CANDIDATES = 48;
    /** Candidates from the document's structure kept past MAX_CANDIDATES (see prune). */
    private static final int MAX_STRUCTURAL = 24;
    private static final int PER_LIST = 30;
    private static final int RECENCY_TOKENS = 4000;
    private static final int FIRST_USES = 4;
    private static final int FIRST_USE_DISTANCE = 40;

    /** The ranked outcome of one request. */
    static final class Prediction {
        final Document doc;
        final ContextClass cls;
        final List<Candidate> ranked;
        final double otherProb;
        final double[] oovFeatures;
        final CacheModel cache;
        final PriorView prior;

        Prediction(Document doc, ContextClass cls, List<Candidate> ranked, double otherProb, double[] oovFeatures,
                   CacheModel cache, PriorView prior) {
            this.doc = doc;
            this.cls = cls;
            this.ranked = ranked;
            this.otherProb = otherProb;
            this.oovFeatures = oovFeatures;
            this.cache = cache;
            this.prior = prior;
        }
    }

    private final Ranker ranker;

    Predictor(Ranker ranker) {
        this.ranker = ranker;
    }

    Prediction predict(Document d, PriorModel priorModel) {
        ContextClass cls = ContextClass.of(d);
        CacheModel cm = new CacheModel(d.stats, d.context);
        PriorView pv = new PriorView(priorModel, d.context);
        Map<String, Candidate> cands = new LinkedHashMap<>();
        Set<String> params = EnclosingScope.parameters(d);
        LineAnalogs analogs = new LineAnalogs(d);
        ContextMatches matches = new ContextMatches(d);
        NameDistances before = recencyBefore(d);
        NameDistances after = distanceAfter(d);
        Map<String, Integer> members = afterMemberOp(d) ? ReceiverMembers.of(d) : Map.of();
        ImportLine imports = ImportLine.at(d);
        LanguageSpec spec = d.spec;
        if (cls == ContextClass.WORD) {
            String p = d.prefix;
            for (String w : d.stats.withPrefix(p, Predictor::isName).keySet()) {
                add(cands, w, "identifier");
            }
            if (priorModel != null) {
                String[] v = priorModel.table.vocab;
                for (int i = priorModel.table.prefixStart(p); i < v.length && v[i].startsWith(p); i++) {
                    if (v[i].length() > p.length() && isName(v[i])) {
                        add(cands, v[i], "identifier");
                    }
                }
            }
            for (String k : spec.keywords) {
                addKeyword(cands, k, p, spec, "keyword");
            }
            for (String k : spec.builtins) {
                addKeyword(cands, k, p, spec, "builtin");
            }
            for (String a : params) {
                if (a.startsWith(p) && a.length() > p.length()) {
                    add(cands, a, "parameter");
                }
            }
            boolean known = d.stats.count(p) > 0 || spec.isKeyword(p) || spec.isBuiltin(p)
                    || (priorModel != null && priorModel.table.count(p) > 0);
            if (known) {
                add(cands, p, "exact");
            }
        } else {
            for (int k = NgramTable.MAX_CONTEXT; k >= 1; k--) {
                addNext(cands, cm.next[k - 1]);
                addNext(cands, pv.next[k - 1]);
            }
            for (Map.Entry<String, Integer> m : members.entrySet()) {
                add(cands, m.getKey(), memberKind(m.getValue()));
            }
            if (imports != null) {
                for (String w : imports.newNames(d, before, after)) {
                    add(cands, w, "identifier");
                }
            }
            if (cls == ContextClass.LINE_START) {
                for (int i = 0; i < Math.min(8, spec.keywords.size()); i++) {
                    add(cands, spec.keywords.get(i), "keyword");
                }
                for (String k : BlockContinuation.allowed(spec, analogs.prevFirst)) {
                    add(cands, k, "keyword");
                }
                Set<String> only = BlockContinuation.onlyAfter(spec, analogs.prevFirst);
                for (String k : only == null ? Set.<String>of() : only) {
                    add(cands, k, spec.isKeyword(k) ? "keyword" : "token");
                }
                for (String k : BlockContinuation.before(spec, analogs.nextClause)) {
                    add(cands, k, "keyword");
                }
            }
            if (cls == ContextClass.OTHER) {
                for (String a : params) {
                    add(cands, a, "parameter");
                }
                int taken = 0;
                for (String w : recentNames(d, 24)) {
                    if (taken++ < 24) {
                        add(cands, w, "identifier");
                    }
                }
            }
            if (cls == ContextClass.OTHER || cls == ContextClass.LINE_START) {
                addFirstUses(cands, d, before, after);
            }
            for (String w : analogs.next.keySet()) {
                if (!ModelStream.isMarker(w) && !w.equals(ModelStream.STR)) {
                    addToken(cands, w);
                }
            }
            if (cls == ContextClass.LINE_START) {
                for (String w : analogs.siblingFirst.keySet()) {
                    if (!w.equals(ModelStream.STR)) {
                        addToken(cands, w);
                    }
                }
                for (Map.Entry<String, Integer> e : analogs.childFirst.entrySet()) {
                    if (e.getValue() >= 2 && !e.getKey().equals(ModelStream.STR)) {
                        addToken(cands, e.getKey());
                    }
                }
            }
        }
        List<Candidate> list = new ArrayList<>(cands.values());
        String prev = d.context.isEmpty() ? "" : d.context.get(d.context.size() - 1);
        int idCands = 0;
        for (Candidate c : list) {
            if (isName(c.token) && (priorModel == null || priorModel.table.count(c.token) == 0)) {
                idCands++;
            }
        }
        for (Candidate c : list) {
            c.features = features(c, d, cm, pv, params, before, after, prev, idCands);
            int a = analogs.next.getOrDefault(c.token, 0);
            c.features[Features.LOG_ANALOG] = Math.log1p(a);
            c.features[Features.ANALOG_REL] = analogs.total == 0 ? 0 : (double) a / analogs.total;
            c.features[Features.MATCH_LEN] = matches.longest(c.token);
            c.features[Features.LOG_LONG_MATCHES] = Math.log1p(matches.longCount(c.token));
            int near = matches.nearest(c.token);
            c.features[Features.LOG_MATCH_DIST] = Math.log(near < 0 ? 2 * ContextMatches.WINDOW : near);
            Integer member = members.get(c.token);
            c.features[Features.RECV_MEMBER] = member == null ? 0 : 1;
            c.features[Features.RECV_METHOD] = member != null && member == ClassIndex.METHOD ? 1 : 0;
            if (imports != null) {
                c.features[Features.IMPORT_NEW] = after.of(c.token) >= 0 && imports.isNew(c.token, before) ? 1 : 0;
                c.features[Features.IMPORT_ORDER] = imports.inOrder(c.token);
            }
            if (cls == ContextClass.LINE_START) {
                c.features[Features.SIBLING_FIRST] = Math.log1p(analogs.siblingFirst.getOrDefault(c.token, 0));
                c.features[Features.PREV_LINE_FIRST] = c.token.equals(analogs.prevFirst) ? 1 : 0;
                c.features[Features.BLOCK_CLAUSE] = BlockContinuation.of(spec, analogs.prevFirst, c.token);
                c.features[Features.NEXT_CLAUSE] = BlockContinuation.precedes(spec, analogs.nextClause, c.token);
                int fw = analogs.firstWithDelta.getOrDefault(c.token, 0);
                c.features[Features.LOG_FOLLOW] = Math.log1p(fw);
                c.features[Features.FOLLOW_REL] = (double) fw / (1 + analogs.firstCount.getOrDefault(c.token, 0));
                int children = analogs.childFirst.getOrDefault(c.token, 0);
                c.features[Features.LOG_CHILD_FIRST] = Math.log1p(children);
                c.features[Features.CHILD_FIRST_REL] = analogs.children == 0 ? 0 : (double) children / analogs.children;
            }
        }
        if (list.size() > MAX_CANDIDATES) {
            list = prune(list);
        }
        double topMix = list.isEmpty() ? -20 : list.stream().mapToDouble(c -> c.features[Features.LOG_P_MIX]).max().orElse(-20);
        double[] oovF = {1.0, Math.min(d.prefix.length(), 6), Math.log(1 + list.size()), topMix};
        double other = ranker.rank(cls, Ranker.languageIndex(spec.prior), list, oovF, d.blankAfterCursor());
        if (cls == ContextClass.LINE_START || (cls == ContextClass.WORD && analogs.lineStart)) {
            other = keepWhatMayStart(list, other, spec, analogs.prevFirst);
        }
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.prob).thenComparing(c -> c.token));
        return new Prediction(d, cls, list, other, oovF, cm, pv);
    }

    /**
     * Drops the candidates the grammar rules out at the start of a line (see BlockContinuation.mayStart);
     * the rest share their probability, with "other" unless the grammar leaves nothing else. Returns
     * the new probability of "other".
     */
    private static double keepWhatMayStart(List<Candidate> list, double other, LanguageSpec spec, String prevFirst) {
        list.removeIf(c -> !BlockContinuation.mayStart(spec, prevFirst, c.token));
        double rest = BlockContinuation.onlyAfter(spec, prevFirst) == null ? other : 0;
        double sum = rest + list.stream().mapToDouble(c -> c.prob).sum();
        if (sum <= 0) {
            return other;
        }
        for (Candidate c : list) {
            c.prob /= sum;
        }
        return rest / sum;
    }

    /**
     * The MAX_CANDIDATES likeliest by the n-gram models, and up to MAX_STRUCTURAL more that the
     * document's structure suggests (members of the receiver's class, names an import may bring in).
     */
    private static List<Candidate> prune(List<Candidate> list) {
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.features[Features.LOG_P_MIX]));
        List<Candidate> out = new ArrayList<>(list.subList(0, MAX_CANDIDATES));
        for (Candidate c : list.subList(MAX_CANDIDATES, list.size())) {
            if (out.size() >= MAX_CANDIDATES + MAX_STRUCTURAL) {
                break;
            }
            if (c.features[Features.RECV_MEMBER] > 0 || c.features[Features.IMPORT_NEW] > 0) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean afterMemberOp(Document d) {
        return !d.context.isEmpty() && ContextClass.isMemberOp(d.context.get(d.context.size() - 1));
    }

    private static String memberKind(int member) {
        return member == ClassIndex.METHOD ? "method" : "field";
    }

    private static void add(Map<String, Candidate> cands, String t, String kind) {
        Candidate c = cands.get(t);
        if (c == null) {
            cands.put(t, new Candidate(t, kind));
        } else if (kind.equals("parameter") || kind.equals("method") || kind.equals("field")) {
            c.kind = kind;
        }
    }

    /** Names that appear soon after the cursor's line but nowhere before it: perhaps being declared here. */
    private static void addFirstUses(Map<String, Candidate> cands, Document d, NameDistances before,
                                     NameDistances after) {
        int taken = 0;
        for (int i = 0; i < after.size(); i++) {
            if (taken >= FIRST_USES || after.distance(i) > FIRST_USE_DISTANCE) {
                break;
            }
            String w = after.name(i);
            if (before.of(w) < 0 && !d.spec.isKeyword(w)) {
                add(cands, w, "identifier");
                taken++;
            }
        }
    }

    /** A token from the document's own text or a model: a name is an identifier, anything else a token. */
    private static void addToken(Map<String, Candidate> cands, String t) {
        add(cands, t, isName(t) ? "identifier" : "token");
    }

    private static void addKeyword(Map<String, Candidate> cands, String k, String p, LanguageSpec spec, String kind) {
        if (k.length() <= p.length()) {
            return;
        }
        if (k.startsWith(p)) {
            add(cands, k, kind);
        } else if (spec.caseInsensitive && k.regionMatches(true, 0, p, 0, p.length())) {
            boolean lower = Character.isLowerCase(p.charAt(p.length() - 1));
            String rest = k.substring(p.length());
            add(cands, p + (lower ? rest.toLowerCase(Locale.ROOT) : rest.toUpperCase(Locale.ROOT)), kind);
        }
    }

    private static void addNext(Map<String, Candidate> cands, NextCounts nc) {
        int taken = 0;
        for (int i = 0; i < nc.size() && taken < PER_LIST; i++) {
            String t = nc.tokens[i];
            if (ModelStream.isMarker(t) || t.equals(ModelStream.STR) || t.equals(ModelStream.ID)
                    || t.equals(ModelStream.NUM)) {
                continue;
            }
            addToken(cands, t);
            taken++;
        }
    }

    static boolean isName(String w) {
        if (w.isEmpty()) {
            return false;
        }
        char c = w.charAt(0);
        if (!(Character.isLetter(c) || c == '_' || c == '$' || c == '@' || c == '#')) {
            return false;
        }
        char last = w.charAt(w.length() - 1);
        return last != '"' && last != '\'';
    }

    private double[] features(Candidate c, Document d, CacheModel cm, PriorView pv, Set<String> params,
                              NameDistances before, NameDistances after, String prev, int idCands) {
        double[] f = new double[Features.N];
        String t = c.token;
        double pc = cm.prob(t);
        double pp = pv.prob(t, idCands);
        f[Features.LOG_P_CACHE] = Math.log(pc + 1e-7);
        f[Features.LOG_P_PRIOR] = Math.log(pp + 1e-7);
        f[Features.PRIOR_UNKNOWN] = pv.known(t) ? 0 : 1;
        int c3 = cm.count(3, t);
        int c2 = cm.count(2, t);
        int c1 = cm.count(1, t);
        f[Features.LOG_C3] = Math.log1p(c3);
        f[Features.LOG_C2] = Math.log1p(c2);
        f[Features.LOG_C1] = Math.log1p(c1);
        f[Features.LOG_UNI] = Math.log1p(d.stats.count(t));
        f[Features.REL3] = rel(c3, cm.next[2]);
        f[Features.REL2] = rel(c2, cm.next[1]);
        f[Features.REL1] = rel(c1, cm.next[0]);
        f[Features.PRIOR_REL3] = pv.rel(3, t);
        f[Features.PRIOR_REL2] = pv.rel(2, t);
        f[Features.PRIOR_REL1] = pv.rel(1, t);
        int dist = before.of(t);
        f[Features.LOG_DIST] = dist < 0 ? Math.log(RECENCY_TOKENS) : Math.log1p(dist);
        f[Features.UNSEEN_BEFORE] = dist < 0 ? 1 : 0;
        int distAfter = after.of(t);
        f[Features.SEEN_AFTER] = distAfter < 0 ? 0 : 1;
        f[Features.LOG_DIST_AFTER] = distAfter < 0 ? Math.log(RECENCY_TOKENS) : Math.log1p(distAfter);

        boolean name = isName(t);
        f[Features.KEYWORD] = d.spec.isKeyword(t) ? 1 : 0;
        f[Features.BUILTIN] = d.spec.isBuiltin(t) ? 1 : 0;
        f[Features.NAME] = name && f[Features.KEYWORD] == 0 ? 1 : 0;
        f[Features.FIRST_USE] = dist < 0 && distAfter >= 0 && f[Features.NAME] == 1 ? 1 : 0;
        char c0 = t.charAt(0);
        boolean literal = Character.isDigit(c0) || c0 == '"' || c0 == '\'' || c0 == '`' || (!name && c0 == '.' && t.length() > 1);
        f[Features.LITERAL] = literal ? 1 : 0;
        f[Features.OP] = !name && !literal ? 1 : 0;
        f[Features.PARAMETER] = params.contains(t) ? 1 : 0;
        f[Features.LOG_REST_LEN] = Math.log1p(t.length() - d.prefix.length());
        f[Features.EXACT] = t.equals(d.prefix) && !d.prefix.isEmpty() ? 1 : 0;
        f[Features.REPEAT_PREV] = t.equals(prev) ? 1 : 0;
        f[Features.LOG_P_MIX] = Math.log(0.5 * pc + 0.5 * pp + 1e-7);
        f[Features.SNIPPET] = 0;
        f[Features.LOG_DOC_TOKENS] = Math.log1p(d.stats.total());
        return f;
    }

    private static double rel(int c, NextCounts nc) {
        return nc.total == 0 ? 0 : (double) c / nc.total;
    }

    /** The distinct names nearest before the cursor, nearest first. */
    private static List<String> recentNames(Document d, int max) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Tokens t = d.tokens;
        for (int i = d.contextEnd - 1; i >= 0 && out.size() < max && d.contextEnd - i < 3000; i--) {
            if (t.kind(i) == TokenKind.NAME) {
                String w = t.text(i);
                if (seen.add(w) && !d.spec.isKeyword(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** Distance in significant tokens from the cursor back to the nearest occurrence of each name, nearest first. */
    private static NameDistances recencyBefore(Document d) {
        return new NameDistances(d.tokens, d.contextEnd - 1, -1, -1, RECENCY_TOKENS);
    }

    /** The same for the names after the cursor's line. */
    private static NameDistances distanceAfter(Document d) {
        return new NameDistances(d.tokens, d.lines.endTok[d.curLine], d.tokens.size(), 1, RECENCY_TOKENS);
    }
}
