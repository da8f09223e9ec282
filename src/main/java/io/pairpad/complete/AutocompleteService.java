package io.pairpad.complete;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests what comes next at the cursor. A pure function of (code, cursor, language): no I/O per request.
 * This first completer offers the document's words that extend the word being typed.
 */
public final class AutocompleteService {
    private static final Pattern WORD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final int MAX_ALTERNATIVES = 10;

    /**
     * @param code     the whole document
     * @param cursor   a UTF-16 offset in {@code 0..code.length()}
     * @param language one of {@link io.pairpad.Languages#ALL}
     */
    public Suggestion complete(String code, int cursor, String language) {
        String prefix = wordBefore(code, cursor);
        if (prefix.isEmpty()) {
            return Suggestion.NONE;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = WORD.matcher(code);
        while (m.find()) {
            String word = m.group();
            boolean isTypedWord = m.start() < cursor && m.end() >= cursor;
            if (!isTypedWord && word.length() > prefix.length() && word.startsWith(prefix)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return Suggestion.NONE;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Suggestion.Alternative> alternatives = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_ALTERNATIVES)
                .forEach(e -> alternatives.add(new Suggestion.Alternative(
                        e.getKey(), e.getKey().substring(prefix.length()), "identifier",
                        (double) e.getValue() / total / 2)));
        Suggestion.Alternative best = alternatives.get(0);
        return new Suggestion(best.insert(), best.confidence(), alternatives);
    }

    private static String wordBefore(String code, int cursor) {
        int start = cursor;
        while (start > 0 && isWordChar(code.charAt(start - 1))) {
            start--;
        }
        return code.substring(start, cursor);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
