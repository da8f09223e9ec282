package io.pairpad.complete;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gathers one request's candidate tokens from the candidate sources, each token once, in the
 * order first offered; a later source may give a token a more telling kind (a parameter, a
 * member, a keyword rather than an identifier).
 */
final class CandidatePool {
    private static final int PER_LIST = 30;
    private static final int RECENT_NAMES = 24;
    private static final int RECENT_NAMES_WINDOW = 3000;
    private static final int LINE_START_KEYWORDS = 8;
    private static final int FIRST_USES = 4;
    private static final int FIRST_USE_DISTANCE = 40;

    private final Map<String, Candidate> cands = new LinkedHashMap<>();
    private final Evidence e;

    private CandidatePool(Evidence e) {
        this.e = e;
    }

    static List<Candidate> gather(Evidence e) {
        CandidatePool pool = new CandidatePool(e);
        if (e.cls == ContextClass.WORD) {
            pool.gatherWordCompletions();
        } else {
            pool.gatherNextTokens();
        }
        return new ArrayList<>(pool.cands.values());
    }

    /** Completions of the word being typed. */
    private void gatherWordCompletions() {
        String p = e.doc.prefix;
        addDocumentWords(p);
        addPriorWords(p);
        for (String k : e.spec.keywords) {
            addKeyword(k, p, "keyword");
        }
        for (String k : e.spec.builtins) {
            addKeyword(k, p, "builtin");
        }
        addParameters(p);
        if (isKnown(p)) {
            add(p, "exact");
        }
    }

    /** Whole tokens where nothing of the next one is typed. */
    private void gatherNextTokens() {
        for (int k = NgramTable.MAX_CONTEXT; k >= 1; k--) {
            addNext(e.cache.next[k - 1]);
            addNext(e.priorView.next[k - 1]);
        }
        addMembers();
        addImportedNames();
        if (e.cls == ContextClass.LINE_START) {
            addLineStartKeywords();
        }
        if (e.cls == ContextClass.OTHER) {
            addParameters("");
            addRecentNames();
        }
        if (e.cls == ContextClass.OTHER || e.cls == ContextClass.LINE_START) {
            addFirstUses();
        }
        addAnalogNext();
        if (e.cls == ContextClass.LINE_START) {
            addSiblingFirsts();
        }
    }

    private void addDocumentWords(String p) {
        for (String w : e.doc.stats.withPrefix(p, Predictor::isName).keySet()) {
            add(w, "identifier");
        }
    }

    private void addPriorWords(String p) {
        if (e.prior == null) {
            return;
        }
        String[] v = e.prior.table.vocab;
        for (int i = e.prior.table.prefixStart(p); i < v.length && v[i].startsWith(p); i++) {
            if (v[i].length() > p.length() && Predictor.isName(v[i])) {
                add(v[i], "identifier");
            }
        }
    }

    private void addParameters(String p) {
        for (String a : e.params) {
            if (a.startsWith(p) && a.length() > p.length()) {
                add(a, "parameter");
            }
        }
    }

    private boolean isKnown(String p) {
        return e.doc.stats.count(p) > 0 || e.spec.isKeyword(p) || e.spec.isBuiltin(p) || e.priorKnows(p);
    }

    private void addKeyword(String k, String p, String kind) {
        if (k.length() <= p.length()) {
            return;
        }
        if (k.startsWith(p)) {
            add(k, kind);
        } else if (e.spec.caseInsensitive && k.regionMatches(true, 0, p, 0, p.length())) {
            boolean lower = Character.isLowerCase(p.charAt(p.length() - 1));
            String rest = k.substring(p.length());
            add(p + (lower ? rest.toLowerCase(Locale.ROOT) : rest.toUpperCase(Locale.ROOT)), kind);
        }
    }

    private void addNext(NextCounts nc) {
        int taken = 0;
        for (int i = 0; i < nc.size() && taken < PER_LIST; i++) {
            String t = nc.tokens[i];
            if (ModelStream.isMarker(t) || t.equals(ModelStream.STR) || t.equals(ModelStream.ID)
                    || t.equals(ModelStream.NUM)) {
                continue;
            }
            addToken(t);
            taken++;
        }
    }

    private void addMembers() {
        for (Map.Entry<String, Integer> m : e.members.entrySet()) {
            add(m.getKey(), m.getValue() == ClassIndex.METHOD ? "method" : "field");
        }
    }

    private void addImportedNames() {
        if (e.imports != null) {
            for (String w : e.imports.newNames(e.doc, e.before, e.after)) {
                add(w, "identifier");
            }
        }
    }

    private void addLineStartKeywords() {
        for (int i = 0; i < Math.min(LINE_START_KEYWORDS, e.spec.keywords.size()); i++) {
            add(e.spec.keywords.get(i), "keyword");
        }
        for (String k : BlockContinuation.allowed(e.spec, e.analogs.prevFirst)) {
            add(k, "keyword");
        }
    }

    /** The distinct names nearest before the cursor, nearest first. */
    private void addRecentNames() {
        Document d = e.doc;
        Set<String> seen = new HashSet<>();
        Tokens t = d.tokens;
        int taken = 0;
        for (int i = d.contextEnd - 1; i >= 0 && taken < RECENT_NAMES && d.contextEnd - i < RECENT_NAMES_WINDOW; i--) {
            if (t.kind(i) == TokenKind.NAME) {
                String w = t.text(i);
                if (seen.add(w) && !d.spec.isKeyword(w)) {
                    add(w, "identifier");
                    taken++;
                }
            }
        }
    }

    /** Names that appear soon after the cursor's line but nowhere before it: perhaps being declared here. */
    private void addFirstUses() {
        int taken = 0;
        for (int i = 0; i < e.after.size(); i++) {
            if (taken >= FIRST_USES || e.after.distance(i) > FIRST_USE_DISTANCE) {
                break;
            }
            String w = e.after.name(i);
            if (e.before.of(w) < 0 && !e.spec.isKeyword(w)) {
                add(w, "identifier");
                taken++;
            }
        }
    }

    private void addAnalogNext() {
        for (String w : e.analogs.next.keySet()) {
            if (!ModelStream.isMarker(w) && !w.equals(ModelStream.STR)) {
                addToken(w);
            }
        }
    }

    private void addSiblingFirsts() {
        for (String w : e.analogs.siblingFirst.keySet()) {
            if (!w.equals(ModelStream.STR)) {
                addToken(w);
            }
        }
    }

    private void addToken(String t) {
        add(t, Predictor.isName(t) ? "identifier" : "token");
    }

    private void add(String t, String kind) {
        Candidate c = cands.get(t);
        if (c == null) {
            cands.put(t, new Candidate(t, kind));
        } else if (kind.equals("parameter") || kind.equals("method") || kind.equals("field")
                || (kind.equals("keyword") && c.kind.equals("identifier"))) {
            c.kind = kind;
        }
    }
}
