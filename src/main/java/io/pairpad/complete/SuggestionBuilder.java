package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a ranked prediction into the answer: among the {@link SuggestionOptions} it picks the
 * ghost text by its calibrated probability of being right, and lists up to ten alternatives.
 */
final class SuggestionBuilder {
    static final int MAX_ALTERNATIVES = 10;
    /** Outside a word, options this close to the surest one count as equally sure... */
    static final double SURE_TIE = 0.02;
    /** ...and whole tokens this close, since Tab can then finish the word with them. */
    static final double WHOLE_TOKEN_TIE = 0.1;

    /** Tunable thresholds (see bench/autocomplete). */
    static final class Policy {
        double extendMin = 0.8;    // probability each token added past the first needs
        double extendShow = 0.92;  // calibrated confidence a suggestion of several tokens needs
        double[] showMin = {0.35, 0.35, 0.35, 0.35}; // calibrated confidence to show, per context class
    }

    /** An option with its calibrated confidence. */
    record Scored(SuggestionOptions.Choice choice, double conf) {
    }

    private final Policy policy;
    private final Calibration calibration;
    private final SuggestionOptions options;

    SuggestionBuilder(Policy policy, Calibration calibration) {
        this.policy = policy;
        this.calibration = calibration;
        this.options = new SuggestionOptions(policy.extendMin);
    }

    Suggestion build(Predictor.Prediction pr, PriorModel prior) {
        List<Suggestion.Alternative> alts = alternatives(pr);
        Document d = pr.doc;
        if (d.cursor < d.code.length() && ModelStream.isWordChar(d.code.charAt(d.cursor))) {
            // the cursor is inside a word: ghost text would split it; the drop-down still helps
            return new Suggestion("", 0.0, alts);
        }
        String lang = d.spec.prior;
        double extendable = Math.max(policy.extendShow, policy.showMin[pr.cls.ordinal()]);
        Scored best = pick(pr, options.of(pr, prior, c -> calibration.apply(lang, pr.cls, c) >= extendable));
        if (best == null) {
            return new Suggestion("", 0.0, alts);
        }
        return new Suggestion(best.choice().insert(), best.conf(), alts);
    }

    /** All the options, before any threshold: for fitting the calibration. */
    List<SuggestionOptions.Choice> options(Predictor.Prediction pr, PriorModel prior) {
        return options.of(pr, prior, c -> true);
    }

    /**
     * The option to show, or null if none clears the bar of its context class. While a word is
     * typed, the longest (a whole word lets Tab finish it); elsewhere the longest of the nearly
     * surest (see SURE_TIE).
     */
    Scored pick(Predictor.Prediction pr, List<SuggestionOptions.Choice> opts) {
        double min = policy.showMin[pr.cls.ordinal()];
        List<Scored> ok = new ArrayList<>();
        double sure = 0;
        for (SuggestionOptions.Choice c : opts) {
            double conf = calibration.apply(pr.doc.spec.prior, pr.cls, c);
            if (conf >= min && (!c.extended() || conf >= policy.extendShow)) {
                ok.add(new Scored(c, conf));
                sure = Math.max(sure, conf);
            }
        }
        boolean word = pr.cls == ContextClass.WORD;
        Scored best = null;
        for (Scored s : ok) {
            if (!word && s.conf() < sure - (s.choice().how().equals("pre") ? SURE_TIE : WHOLE_TOKEN_TIE)) {
                continue;
            }
            if (best == null || longerOrSurer(s, best)) {
                best = s;
            }
        }
        return best;
    }

    private static boolean longerOrSurer(Scored a, Scored b) {
        int la = a.choice().insert().length();
        int lb = b.choice().insert().length();
        return la > lb || (la == lb && a.conf() > b.conf());
    }

    List<Suggestion.Alternative> alternatives(Predictor.Prediction pr) {
        List<Suggestion.Alternative> alts = new ArrayList<>();
        String p = pr.doc.prefix;
        for (Candidate c : pr.ranked) {
            if (alts.size() >= MAX_ALTERNATIVES) {
                break;
            }
            if (c.token.equals(p) || !Predictor.isName(c.token)) {
                continue;
            }
            // a keyword met first in the n-gram lists was added as a name; the language says what it is
            String kind = pr.doc.spec.isKeyword(c.token) ? "keyword" : c.kind;
            alts.add(new Suggestion.Alternative(c.token, c.token.substring(p.length()), kind, clamp(c.prob)));
        }
        return alts;
    }

    static double clamp(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        return Math.max(0, Math.min(1, x));
    }
}
