package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests what comes next at the cursor: a pure function of (code, cursor, language), no
 * I/O per request. Thread-safe; per-document statistics are cached by chunk text.
 */
public final class AutocompleteService {
    private static final int MAX_ALTERNATIVES = 10;
    private final ChunkCache cache = new ChunkCache(8_000_000);

    public AutocompleteService() {
    }

    /**
     * @param code     the whole document
     * @param cursor   a UTF-16 offset in {@code 0..code.length()}
     * @param language one of {@link io.pairpad.Languages#ALL}
     */
    public Suggestion complete(String code, int cursor, String language) {
        try {
            if (code == null) {
                return Suggestion.NONE;
            }
            int cur = Math.max(0, Math.min(cursor, code.length()));
            return completeChecked(code, cur, LanguageSpec.of(language));
        } catch (RuntimeException | StackOverflowError e) {
            return Suggestion.NONE;
        }
    }

    private Suggestion completeChecked(String code, int cursor, LanguageSpec spec) {
        Document d = new Document(spec, code, cursor, cache);
        if (d.mode != Document.Mode.CODE) {
            return Suggestion.NONE;
        }
        CacheModel cm = new CacheModel(d.stats, d.context);
        Map<String, Candidate> cands = new HashMap<>();
        if (!d.prefix.isEmpty()) {
            for (String w : d.stats.withPrefix(d.prefix, AutocompleteService::isWord).keySet()) {
                cands.put(w, new Candidate(w, "identifier"));
            }
        } else {
            for (NextCounts nc : cm.next) {
                for (int i = 0; i < nc.size() && i < 40; i++) {
                    String t = nc.tokens[i];
                    if (!ModelStream.isMarker(t) && !t.equals(ModelStream.STR)) {
                        cands.putIfAbsent(t, new Candidate(t, "token"));
                    }
                }
            }
        }
        if (cands.isEmpty()) {
            return Suggestion.NONE;
        }
        List<Candidate> list = new ArrayList<>(cands.values());
        double z = 0;
        for (Candidate c : list) {
            c.score = cm.prob(c.token);
            z += c.score;
        }
        for (Candidate c : list) {
            c.prob = z > 0 ? c.score / z : 1.0 / list.size();
        }
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.prob).thenComparing(c -> c.token));
        List<Suggestion.Alternative> alts = new ArrayList<>();
        for (Candidate c : list) {
            if (alts.size() >= MAX_ALTERNATIVES) {
                break;
            }
            alts.add(new Suggestion.Alternative(c.token, c.token.substring(d.prefix.length()), c.kind, c.prob));
        }
        Candidate top = list.get(0);
        return new Suggestion(top.token.substring(d.prefix.length()), top.prob, alts);
    }

    private static boolean isWord(String w) {
        return !w.isEmpty() && (Character.isLetter(w.charAt(0)) || w.charAt(0) == '_' || w.charAt(0) == '$');
    }
}
