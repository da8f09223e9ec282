package io.pairpad.complete;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Suggests what comes next at the cursor: a pure function of (code, cursor, language) with
 * no I/O per request. The shipped priors, ranker weights and calibration are read from the
 * classpath once, by the constructor. Thread-safe: requests share only the chunk cache of
 * per-document statistics.
 *
 * <p>Pipeline: {@link Document} (lexer, cursor analysis, cached chunk statistics) then
 * {@link Predictor} (candidate sources, features, {@link Ranker}) then {@link SuggestionBuilder}
 * (ghost text, multi-token extension, {@link Calibration}).
 */
public final class AutocompleteService {
    /** Size of the chunk cache, in table entries (about 40 bytes each). */
    static final long CACHE_BUDGET = 3_000_000;

    private final ChunkCache cache = new ChunkCache(CACHE_BUDGET);
    private final LexCache lexCache = new LexCache();
    private final ChunkSet.Recent recentSets = new ChunkSet.Recent();
    private final Map<String, PriorModel> priors;
    private final Predictor predictor;
    private final SuggestionBuilder builder;
    private final AtomicLong requestsServed = new AtomicLong();

    /** Loads the shipped model. */
    public AutocompleteService() {
        this(loadPriors(), Ranker.load(), Calibration.load(), Tuning.load());
    }

    AutocompleteService(Map<String, PriorModel> priors, Ranker ranker, Calibration calibration,
                        SuggestionBuilder.Policy policy) {
        this(priors, new Predictor(ranker), new SuggestionBuilder(policy, calibration));
    }

    private AutocompleteService(Map<String, PriorModel> priors, Predictor predictor, SuggestionBuilder builder) {
        this.priors = priors;
        this.predictor = predictor;
        this.builder = builder;
    }

    /** The same model with empty caches of its own. */
    AutocompleteService withOwnCaches() {
        return new AutocompleteService(priors, predictor, builder);
    }

    /** The shipped prior of a language, or null. */
    PriorModel prior(String language) {
        return priors.get(language);
    }

    /** How many times {@link #complete} was asked. */
    long requestsServed() {
        return requestsServed.get();
    }

    static Map<String, PriorModel> loadPriors() {
        Map<String, PriorModel> m = new HashMap<>();
        for (String name : new String[] {"python", "java", "javascript"}) {
            PriorModel p = PriorModel.load(name);
            if (p != null) {
                m.put(name, p);
            }
        }
        return m;
    }

    /**
     * @param code     the whole document
     * @param cursor   a UTF-16 offset in {@code 0..code.length()}
     * @param language one of {@link io.pairpad.Languages#ALL}
     */
    public Suggestion complete(String code, int cursor, String language) {
        requestsServed.incrementAndGet();
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
        Document d = new Document(spec, code, cursor, cache, lexCache, recentSets);
        switch (d.mode) {
            case COMMENT:
            case STRING:
                return ProseCompleter.complete(d);
            case NUMBER:
                return Suggestion.NONE;
            default:
                break;
        }
        PriorModel prior = spec.prior == null ? null : priors.get(spec.prior);
        Predictor.Prediction pr = predictor.predict(d, prior);
        return builder.build(pr, prior);
    }

    /** What the offline tools see of one request: the prediction and the options before any threshold. */
    record Explanation(Predictor.Prediction prediction, List<SuggestionOptions.Choice> options) {
    }

    /** For the offline tools; null outside code. */
    Explanation explain(String code, int cursor, String language) {
        LanguageSpec spec = LanguageSpec.of(language);
        Document d = new Document(spec, code, cursor, cache);
        if (d.mode != Document.Mode.CODE) {
            return null;
        }
        PriorModel prior = spec.prior == null ? null : priors.get(spec.prior);
        Predictor.Prediction pr = predictor.predict(d, prior);
        return new Explanation(pr, builder.options(pr, prior));
    }

    static List<String> languagesWithPrior() {
        return new ArrayList<>(List.of("python", "java", "javascript"));
    }
}
