package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.web.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {
    private static final ObjectMapper MAPPER = Json.mapper(1 << 20);
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
        Thread t = Warmup.start(real, MAPPER, 1_000_000, 60_000_000_000L);
        Thread.sleep(300);
        assertTrue(t.isAlive(), "still warming up while nobody asks");
        answers(real);
        t.join(10_000);
        assertFalse(t.isAlive());
    }

    @Test
    void onlyOneWarmUpRunsPerProcess() {
        Warmup.startOnce(unwarmed(), MAPPER, 1_000_000);
        assertNull(Warmup.startOnce(unwarmed(), MAPPER, 1_000_000));
    }

    @Test
    void stopsWhenItsTimeIsUp() {
        Warmup w = new Warmup(unwarmed(), MAPPER, 1_000_000, () -> false, 0);
        w.run();
        assertEquals(0, w.requests());
    }

    @Test
    void leavesTheRealServiceAsItWas() {
        AutocompleteService real = unwarmed();
        AtomicBoolean stop = new AtomicBoolean();
        new Thread(new Warmup(real.withOwnCaches(), MAPPER, 1_000_000, stop::get, 60_000_000_000L)).start();
        List<Suggestion> during = answers(real);
        stop.set(true);
        assertEquals(REQUESTS.length / 2, real.requestsServed(), "the warm-up's requests are not the real service's");
        assertEquals(answers(unwarmed()), during);
        assertEquals(during, answers(real));
    }

    @Test
    void everyLanguageWithAPriorHasSamplesOfItsOwnCodeInTheJar() {
        for (String language : AutocompleteService.languagesWithPrior()) {
            List<String> names = Warmup.SAMPLES.get(language);
            assertFalse(names == null || names.isEmpty(), language);
            for (String name : names) {
                Tokens t = LanguageSpec.of(language).lexer.lex(Warmup.sample(name));
                assertTrue(t.size() > 500, name + ": " + t.size() + " tokens");
            }
        }
    }

    @Test
    void asksThroughTheBodyParsingUntilItsTimeIsUp() {
        Warmup w = new Warmup(unwarmed(), MAPPER, 1_000_000, () -> false, 300_000_000L);
        w.run();
        assertTrue(w.requests() > 10, "requests: " + w.requests());
    }
}
