package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the ghost text is chosen among the options: by the probability of the string itself. */
class SuggestionChoiceTest {

    /** A prediction at the end of code whose ranked candidates are token, probability, ... */
    static Predictor.Prediction prediction(String code, Object... tokenProb) {
        Document d = new Document(LanguageSpec.of("python"), code, code.length(), new ChunkCache(100_000));
        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < tokenProb.length; i += 2) {
            Candidate c = new Candidate((String) tokenProb[i], "identifier");
            c.prob = (Double) tokenProb[i + 1];
            ranked.add(c);
        }
        return new Predictor.Prediction(d, ContextClass.of(d), ranked, 0.0, new double[Features.OOV_N], null, null);
    }

    static SuggestionBuilder builder(double show, double extendShow) {
        SuggestionBuilder.Policy p = new SuggestionBuilder.Policy();
        java.util.Arrays.fill(p.showMin, show);
        p.extendShow = extendShow;
        return new SuggestionBuilder(p, new Calibration());
    }

    static String picked(SuggestionBuilder b, Predictor.Prediction pr) {
        SuggestionBuilder.Scored s = b.pick(pr, b.options(pr, null));
        return s == null ? null : s.choice().insert();
    }

    @Test
    void aStartSharedByLikelyTokensCarriesTheirTotalMass() {
        Predictor.Prediction pr = prediction("x = 1\nself.ass", "assertEqual", 0.4, "assertTrue", 0.35, "assume", 0.1);
        Map<String, Double> mass = builder(0.5, 0.9).options(pr, null).stream()
                .collect(Collectors.toMap(SuggestionOptions.Choice::insert, SuggestionOptions.Choice::raw));
        assertEquals(0.75, mass.get("ert"), 1e-9);
        assertEquals(0.1, mass.get("u"), 1e-9);
        assertEquals(0.4, mass.get("ertEqual"), 1e-9);
        assertEquals(0.35, mass.get("ertT"), 1e-9);
    }

    @Test
    void whileAWordIsTypedTheLongestStringThatClearsTheBar() {
        Predictor.Prediction pr = prediction("x = 1\nself.ass", "assertEqual", 0.4, "assertTrue", 0.35, "assume", 0.1);
        assertEquals("ertEqual", picked(builder(0.3, 0.9), pr));
        assertEquals("ert", picked(builder(0.5, 0.9), pr));
        assertNull(picked(builder(0.99, 0.9), pr));
    }

    @Test
    void elsewhereTheSurestStringTheLongestOfTheNearlySurest() {
        Predictor.Prediction pr = prediction("x = 1\nself.", "assertEqual", 0.45, "assertTrue", 0.4, "run", 0.05);
        assertEquals(ContextClass.MEMBER, pr.cls);
        assertEquals("assert", picked(builder(0.5, 0.9), pr));
        assertEquals("assert", picked(builder(0.3, 0.9), pr));
    }

    @Test
    void elsewhereAWholeTokenNearlyAsSureAsAShorterStartWins() {
        Predictor.Prediction close = prediction("x = 1\nself.", "assertEqual", 0.82, "assertTrue", 0.08);
        assertEquals("assertEqual", picked(builder(0.5, 0.9), close));
        Predictor.Prediction far = prediction("x = 1\nself.", "assertEqual", 0.7, "assertTrue", 0.2);
        assertEquals("assert", picked(builder(0.5, 0.9), far));
    }

    @Test
    void severalTokensNeedTheirOwnBar() {
        Predictor.Prediction pr = prediction("x = 1\nself.assertEq", "assertEqual", 0.99);
        List<SuggestionOptions.Choice> opts = List.of(
                new SuggestionOptions.Choice("ual", 0.99, "full"),
                new SuggestionOptions.Choice("ual(", 3, 0.99, 0.9, "full+"));
        assertEquals("ual", builder(0.5, 0.95).pick(pr, opts).choice().insert());
        SuggestionBuilder.Scored eager = builder(0.5, 0.85).pick(pr, opts);
        assertEquals("ual(", eager.choice().insert());
        assertEquals(0.99 * 0.9, eager.conf(), 1e-9);
    }

    @Test
    void theRestOfSeveralTokensIsCalibratedGivenTheFirst() throws Exception {
        Calibration c = new Calibration();
        c.read(new ObjectMapper().readTree("{\"maps\": {"
                + "\"WORD/full\": {\"x\": [0, 1], \"y\": [0, 0.5]},"
                + "\"WORD/full+\": {\"x\": [0, 1], \"y\": [0.2, 0.6]}}}"));
        SuggestionOptions.Choice one = new SuggestionOptions.Choice("ual", 0.8, "full");
        SuggestionOptions.Choice two = new SuggestionOptions.Choice("ual(", 3, 0.8, 0.5, "full+");
        assertEquals(0.4, c.apply("python", ContextClass.WORD, one), 1e-9);
        assertEquals(0.4 * 0.4, c.apply("python", ContextClass.WORD, two), 1e-9);
    }

    @Test
    void theDropDownListsWordsNotPunctuation() {
        Predictor.Prediction pr = prediction("x = 1\ny = ", "(", 0.5, "foo", 0.3, ")", 0.1, "format", 0.05);
        assertEquals(List.of("foo", "format"),
                builder(0.5, 0.9).alternatives(pr).stream().map(Suggestion.Alternative::label).toList());
    }

    @Test
    void nothingAboveTheBarGivesAnEmptySuggestion() {
        Predictor.Prediction pr = prediction("x = 1\nself.", "run", 0.3, "stop", 0.2);
        Suggestion s = builder(0.5, 0.9).build(pr, null);
        assertEquals("", s.suggestion());
        assertEquals(0.0, s.confidence());
        assertEquals(List.of("run", "stop"), s.alternatives().stream().map(Suggestion.Alternative::label).toList());
    }
}
