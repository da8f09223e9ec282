package io.pairpad.complete;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The strings worth offering as ghost text at one cursor, each with the model's probability
 * that what is typed next starts with it. The probability of a string is the total mass of
 * the candidates that start with it, so a start shared by several likely tokens
 * ({@code assert} for {@code assertEqual} and {@code assertTrue}) is surer than any of them.
 */
final class SuggestionOptions {
    /** The ranked candidates whose rests (and starts of rests) are offered. */
    static final int TOP_CANDIDATES = 5;
    static final int MAX_EXTRA_TOKENS = 6;

    /**
     * One possible ghost text. raw is the model's probability that the text starts with its
     * first firstLen characters (the first token's part), tail the probability of the tokens
     * added past the first given that one (1 if none were); how is its kind (calibrated apart):
     * "full" (the rest of a candidate), "pre" (a start shared by candidates), "exact" (what
     * follows a complete word), "snippet", with a trailing "+" when tokens were added.
     */
    record Choice(String insert, int firstLen, double raw, double tail, String how) {
        Choice(String insert, double raw, String how) {
            this(insert, insert.length(), raw, 1.0, how);
        }

        boolean extended() {
            return firstLen < insert.length();
        }
    }

    private final double extendMin;

    /** @param extendMin the probability each token added past the first needs */
    SuggestionOptions(double extendMin) {
        this.extendMin = extendMin;
    }

    /**
     * @param worthExtending whether a first token's option could still be shown once extended
     *                       (extending costs model lookups for every token added)
     */
    List<Choice> of(Predictor.Prediction pr, PriorModel prior, Predicate<Choice> worthExtending) {
        List<Choice> out = new ArrayList<>();
        Document d = pr.doc;
        String snippet = Snippets.match(d);
        if (snippet != null && !snippet.isEmpty()) {
            out.add(new Choice(snippet, Snippets.RAW, "snippet"));
            return out;
        }
        if (pr.ranked.isEmpty()) {
            return out;
        }
        String p = d.prefix;
        Candidate top = pr.ranked.get(0);
        List<String> ctx = new ArrayList<>(d.context);
        if (!p.isEmpty() && top.token.equals(p)) {
            // the word looks complete: offer what follows it
            ctx.add(p);
            NextTokenModel.Guess g = NextTokenModel.best(d.stats, prior, ctx);
            if (g == null || ModelStream.isMarker(g.token())) {
                return out;
            }
            String ins = (Spacing.spaced(p, g.token(), d.spec) ? " " : "") + g.token();
            ctx.add(g.token());
            Choice exact = new Choice(ins, top.prob * g.prob(), "exact");
            out.add(exact);
            if (worthExtending.test(exact)) {
                addExtension(out, exact, ctx, g.token(), d, prior, "exact+");
            }
            return out;
        }
        Set<String> rests = new LinkedHashSet<>();
        for (Candidate c : pr.ranked) {
            if (rests.size() >= TOP_CANDIDATES) {
                break;
            }
            if (!c.token.equals(p)) {
                rests.add(c.token.substring(p.length()));
            }
        }
        Set<String> starts = new LinkedHashSet<>();
        for (String rest : rests) {
            for (int len = 1; len <= rest.length(); len++) {
                starts.add(rest.substring(0, len));
            }
        }
        Choice topChoice = null;
        String topRest = top.token.substring(p.length());
        for (String s : starts) {
            Choice c = new Choice(s, mass(pr, s), rests.contains(s) ? "full" : "pre");
            out.add(c);
            if (s.equals(topRest)) {
                topChoice = c;
            }
        }
        if (topChoice != null && worthExtending.test(topChoice)) {
            ctx.add(top.token);
            addExtension(out, topChoice, ctx, top.token, d, prior, "full+");
        }
        return out;
    }

    /** Adds first extended by the next tokens while each is likely enough, if any is. */
    private void addExtension(List<Choice> out, Choice first, List<String> ctx, String last, Document d,
                              PriorModel prior, String how) {
        StringBuilder sb = new StringBuilder(first.insert());
        double p = 1;
        int extra = 0;
        while (extra < MAX_EXTRA_TOKENS) {
            NextTokenModel.Guess g = NextTokenModel.best(d.stats, prior, ctx);
            if (g == null || g.prob() < extendMin || ModelStream.isMarker(g.token())) {
                break;
            }
            String t = g.token();
            if (t.equals(ModelStream.STR) || t.length() > 40) {
                break;
            }
            sb.append(Spacing.spaced(last, t, d.spec) ? " " : "").append(t);
            p *= g.prob();
            ctx.add(t);
            last = t;
            extra++;
        }
        if (extra > 0) {
            out.add(new Choice(sb.toString(), first.insert().length(), first.raw(), p, how));
        }
    }

    /** The probability that the text after the word's typed prefix starts with s. */
    static double mass(Predictor.Prediction pr, String s) {
        String p = pr.doc.prefix;
        String whole = p + s;
        double m = 0;
        for (Candidate c : pr.ranked) {
            if (!c.token.equals(p) && c.token.startsWith(whole)) {
                m += c.prob;
            }
        }
        return m;
    }
}
