package io.pairpad.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a ranked prediction into the answer: the ghost text (the rest of the likeliest token,
 * or the part of it the likely candidates share, extended by further tokens while the model
 * is confident), its calibrated confidence, and up to ten alternatives.
 */
final class SuggestionBuilder {
    static final int MAX_ALTERNATIVES = 10;
    static final int MAX_EXTRA_TOKENS = 6;

    /** Tunable thresholds (see bench/autocomplete). */
    static final class Policy {
        double fullMin = 0.0;      // raw probability the whole token needs before trimming is tried
        double trimMin = 0.75;     // raw probability a shortened suggestion needs
        double extendMin = 0.8;    // probability each further token needs
        double[] showMin = {0.35, 0.35, 0.35, 0.35}; // calibrated confidence to show, per context class
    }

    private final Policy policy;
    private final Calibration calibration;

    SuggestionBuilder(Policy policy, Calibration calibration) {
        this.policy = policy;
        this.calibration = calibration;
    }

    /**
     * What was decided, before the threshold: for the answer and for fitting the calibration.
     * base is the same choice without the tokens added past the first (null if none were).
     */
    record Choice(String insert, double raw, String how, int extraTokens, Choice base) {
        Choice(String insert, double raw, String how, int extraTokens) {
            this(insert, raw, how, extraTokens, null);
        }
    }

    Suggestion build(Predictor.Prediction pr, PriorModel prior) {
        List<Suggestion.Alternative> alts = alternatives(pr);
        Document d = pr.doc;
        if (d.cursor < d.code.length() && ModelStream.isWordChar(d.code.charAt(d.cursor))) {
            // the cursor is inside a word: ghost text would split it; the drop-down still helps
            return new Suggestion("", 0.0, alts);
        }
        Choice ch = choose(pr, prior);
        if (ch == null || ch.insert.isEmpty()) {
            return new Suggestion("", 0.0, alts);
        }
        double min = policy.showMin[pr.cls.ordinal()];
        double conf = calibration.apply(pr.doc.spec.prior, pr.cls, ch.how, ch.raw);
        if (conf < min && ch.base() != null) {
            // the longer suggestion is too uncertain: the first token alone may not be
            ch = ch.base();
            conf = calibration.apply(pr.doc.spec.prior, pr.cls, ch.how, ch.raw);
        }
        if (conf < min) {
            return new Suggestion("", 0.0, alts);
        }
        return new Suggestion(ch.insert, conf, alts);
    }

    List<Suggestion.Alternative> alternatives(Predictor.Prediction pr) {
        List<Suggestion.Alternative> alts = new ArrayList<>();
        String p = pr.doc.prefix;
        for (Candidate c : pr.ranked) {
            if (alts.size() >= MAX_ALTERNATIVES) {
                break;
            }
            if (c.token.equals(p)) {
                continue;
            }
            alts.add(new Suggestion.Alternative(c.token, c.token.substring(p.length()), c.kind, clamp(c.prob)));
        }
        return alts;
    }

    Choice choose(Predictor.Prediction pr, PriorModel prior) {
        if (pr.ranked.isEmpty()) {
            String snippet = Snippets.match(pr.doc);
            return snippet == null || snippet.isEmpty() ? null : new Choice(snippet, Snippets.RAW, "snippet", 0);
        }
        Document d = pr.doc;
        String p = d.prefix;
        String snippet = Snippets.match(d);
        if (snippet != null && !snippet.isEmpty()) {
            return new Choice(snippet, Snippets.RAW, "snippet", 0);
        }
        Candidate top = pr.ranked.get(0);
        List<String> ctx = new ArrayList<>(d.context);
        if (!p.isEmpty() && top.token.equals(p)) {
            // the word looks complete: suggest what follows it
            ctx.add(p);
            NextTokenModel.Guess g = NextTokenModel.best(d.stats, prior, ctx);
            if (g == null || ModelStream.isMarker(g.token())) {
                return null;
            }
            String ins = (Spacing.spaced(p, g.token(), d.spec) ? " " : "") + g.token();
            ctx.add(g.token());
            return extend(new StringBuilder(ins), top.prob * g.prob(), ctx, g.token(), d, prior, "exact");
        }
        double full = 0;
        for (Candidate c : pr.ranked) {
            if (c.token.startsWith(top.token) && !c.token.equals(p)) {
                full += c.prob;
            }
        }
        String insert = top.token.substring(p.length());
        if (full < policy.fullMin || full < policy.trimMin) {
            String trimmed = trim(pr, insert);
            if (trimmed != null && !trimmed.equals(insert)) {
                return new Choice(trimmed, mass(pr, trimmed), "trim", 0);
            }
        }
        if (full < policy.fullMin) {
            return new Choice(insert, full, "full", 0);
        }
        ctx.add(top.token);
        return extend(new StringBuilder(insert), full, ctx, top.token, d, prior, "full");
    }

    private Choice extend(StringBuilder ins, double raw, List<String> ctx, String last, Document d, PriorModel prior,
                          String how) {
        int extra = 0;
        double p = raw;
        String base = ins.toString();
        while (extra < MAX_EXTRA_TOKENS) {
            NextTokenModel.Guess g = NextTokenModel.best(d.stats, prior, ctx);
            if (g == null || g.prob() < policy.extendMin || ModelStream.isMarker(g.token())) {
                break;
            }
            String t = g.token();
            if (t.equals(ModelStream.STR) || t.length() > 40) {
                break;
            }
            ins.append(Spacing.spaced(last, t, d.spec) ? " " : "").append(t);
            p *= g.prob();
            ctx.add(t);
            last = t;
            extra++;
        }
        if (extra == 0) {
            return new Choice(ins.toString(), p, how, 0);
        }
        return new Choice(ins.toString(), p, how + "+", extra, new Choice(base, raw, how, 0));
    }

    /** The longest start of insert whose candidates together reach trimMin. */
    private String trim(Predictor.Prediction pr, String insert) {
        String best = null;
        for (int len = 1; len <= insert.length(); len++) {
            String s = insert.substring(0, len);
            if (mass(pr, s) >= policy.trimMin) {
                best = s;
            } else {
                break;
            }
        }
        return best;
    }

    private static double mass(Predictor.Prediction pr, String s) {
        String p = pr.doc.prefix;
        double m = 0;
        for (Candidate c : pr.ranked) {
            if (!c.token.equals(p) && c.token.startsWith(p + s)) {
                m += c.prob;
            }
        }
        return m;
    }

    static double clamp(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        return Math.max(0, Math.min(1, x));
    }
}
