package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {
    private static final String[] REQUESTS = {
        "python", "import os\n\ndef read_config(path):\n    with open(path) as f:\n        return f.re",
        "java", "public class A {\n    private final int size;\n    int size() {\n        return ",
        "javascript", "const items = [];\nfunction add(item) {\n  items.pu",
    };

    private static AutocompleteService unwarmed() {
        return new AutocompleteService(AutocompleteService.loadPriors(), Ranker.load(), Calibration.load(), Tuning.load());
    }

    private static List<Suggestion> answers(AutocompleteService svc) {
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < REQUESTS.length; i += 2) {
            out.add(svc.complete(REQUESTS[i + 1], REQUESTS[i + 1].length(), REQUESTS[i]));
        }
        return out;
    }

    @Test
    void stopsAtTheFirstRealRequest() throws Exception {
        AutocompleteService real = unwarmed();
        Thread t = Warmup.start(real, 60_000_000_000L);
        Thread.sleep(300);
        assertTrue(t.isAlive(), "still warming up while nobody asks");
        answers(real);
        t.join(10_000);
        assertFalse(t.isAlive());
    }

    @Test
    void onlyTheFirstServiceOfAProcessWarmsUp() {
        new AutocompleteService();
        assertNull(Warmup.startOnce(unwarmed()));
    }

    @Test
    void stopsWhenItsTimeIsUp() {
        Warmup w = new Warmup(unwarmed(), () -> false, 0);
        w.run();
        assertEquals(0, w.requests());
    }

    @Test
    void leavesTheRealServiceAsItWas() {
        AutocompleteService real = unwarmed();
        AtomicBoolean stop = new AtomicBoolean();
        new Thread(new Warmup(real.withOwnCaches(), stop::get, 60_000_000_000L)).start();
        List<Suggestion> during = answers(real);
        stop.set(true);
        assertEquals(REQUESTS.length / 2, real.requestsServed(), "the warm-up's requests are not the real service's");
        assertEquals(answers(unwarmed()), during);
        assertEquals(during, answers(real));
    }

    @Test
    void madeUpCodeIsInTheLanguageOfThePrior() {
        LanguageSpec spec = LanguageSpec.of("python");
        PriorModel prior = PriorModel.load("python");
        String code = PriorSample.of(prior, spec, new Random(1), 200);
        assertEquals(code, PriorSample.of(prior, spec, new Random(1), 200), "the same for the same seed");
        assertTrue(code.split("\n", -1).length > 200, code);
        Tokens t = spec.lexer.lex(code);
        int significant = 0;
        int known = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                significant++;
                String a = prior.abstractToken(ModelStream.text(t, i));
                known += a.equals(ModelStream.ID) || prior.table.count(a) > 0 ? 1 : 0;
            }
        }
        assertTrue(significant > 1000, "tokens: " + significant);
        assertTrue(known > 0.95 * significant, known + " of " + significant + " known to the prior");
    }

    @Test
    void madeUpLinesEndEvenWhereTheWalkGoesRoundACycle() {
        for (String language : AutocompleteService.languagesWithPrior()) {
            LanguageSpec spec = LanguageSpec.of(language);
            PriorModel prior = PriorModel.load(language);
            for (int seed = 0; seed < 40; seed++) {
                String code = PriorSample.of(prior, spec, new Random(seed), 300);
                for (String line : code.split("\n")) {
                    assertTrue(line.length() < 40 * PriorSample.MAX_LINE_TOKENS, language + " " + seed + ": " + line);
                }
            }
        }
    }
}
