package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completion inside comments and strings: only words the document already uses in its
 * comments or strings, and only once three characters of the word are typed.
 */
final class ProseCompleter {
    static final int MIN_PREFIX = 3;

    private ProseCompleter() {
    }

    static Suggestion complete(Document d) {
        String p = d.prefix;
        if (p.length() < MIN_PREFIX) {
            return Suggestion.NONE;
        }
        Map<String, Integer> words = d.stats.proseWithPrefix(p);
        if (words.isEmpty()) {
            return Suggestion.NONE;
        }
        List<Map.Entry<String, Integer>> list = new ArrayList<>(words.entrySet());
        list.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        int total = 0;
        for (Map.Entry<String, Integer> e : list) {
            total += e.getValue();
        }
        List<Suggestion.Alternative> alts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : list) {
            if (alts.size() >= SuggestionBuilder.MAX_ALTERNATIVES) {
                break;
            }
            alts.add(new Suggestion.Alternative(e.getKey(), e.getKey().substring(p.length()), "text",
                    0.5 * e.getValue() / total));
        }
        Suggestion.Alternative top = alts.get(0);
        if (top.confidence() < 0.3) {
            return new Suggestion("", 0.0, alts);
        }
        return new Suggestion(top.insert(), top.confidence(), alts);
    }
}
