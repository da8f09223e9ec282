package io.pairpad.complete;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.web.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Warms the request path up in the background once the server listens, so that the first people to type do
 * not wait for the just-in-time compiler: it asks for completions the way an editor does (positions anywhere
 * in a file, then words typed key by key, the rest of the line cut off) in samples of real code, and takes
 * each request through the body's decoding, parsing and checking and the answer's encoding, as a request
 * over HTTP does. The samples are pairpad's own sources and scripts ({@link #SAMPLES}, copied into the jar
 * by the build): made-up code did not compile the branches that real files take (bench/RESULTS-autocomplete.md).
 * It runs on a service with caches of its own, so it never answers or changes a real request, and stops at
 * the first real request or when its time is up. Compiled code serves the whole process, so only the first
 * controller of a process warms up (tests make many).
 */
final class Warmup implements Runnable {
    static final long BUDGET_NANOS = 10_000_000_000L;
    /** Per language with a prior: resources under {@code /complete/warmup/}. */
    static final Map<String, List<String>> SAMPLES = Map.of(
            "java", List.of("collab/LiveRoom.java", "PairpadApp.java", "complete/AutocompleteService.java"),
            "python", List.of("fit_calibration.py", "train_ranker.py", "latency.py"),
            "javascript", List.of("run.js", "worker.js", "report.js"));
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int POSITIONS_PER_FILE = 10;
    private static final int WORDS_PER_FILE = 3;
    /**
     * Rest between requests: at full speed the warm-up's garbage made the collector grow the heap, and a server
     * idle after it held 333 to 900 MB of memory; resting 3 ms kept it at 345 to 372 MB, with the same
     * first-minute latency (bench/RESULTS-autocomplete.md).
     */
    private static final long REST_MILLIS = 3;

    private final AutocompleteService service;
    private final ObjectMapper mapper;
    private final int maxDocChars;
    private final BooleanSupplier stop;
    private final long budgetNanos;
    private final Random rnd = new Random(20261126);
    private int requests;

    Warmup(AutocompleteService service, ObjectMapper mapper, int maxDocChars, BooleanSupplier stop, long budgetNanos) {
        this.service = service;
        this.mapper = mapper;
        this.maxDocChars = maxDocChars;
        this.stop = stop;
        this.budgetNanos = budgetNanos;
    }

    /** Starts warming up for the real service unless a service of this process already did; the thread, or null. */
    static Thread startOnce(AutocompleteService real, ObjectMapper mapper, int maxDocChars) {
        return STARTED.compareAndSet(false, true) ? start(real, mapper, maxDocChars, BUDGET_NANOS) : null;
    }

    /** Starts warming up, on a daemon thread, a copy of the real service with caches of its own. */
    static Thread start(AutocompleteService real, ObjectMapper mapper, int maxDocChars, long budgetNanos) {
        Warmup w = new Warmup(real.withOwnCaches(), mapper, maxDocChars, () -> real.requestsServed() > 0, budgetNanos);
        Thread t = new Thread(w, "autocomplete-warmup");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The text of a sample (a name of {@link #SAMPLES}). */
    static String sample(String name) {
        try (InputStream in = Warmup.class.getResourceAsStream("/complete/warmup/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No warm-up sample " + name + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests made so far. */
    int requests() {
        return requests;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        List<String> languages = AutocompleteService.languagesWithPrior();
        Map<String, List<String>> texts = new HashMap<>();
        for (String language : languages) {
            texts.put(language, SAMPLES.get(language).stream().map(Warmup::sample).toList());
        }
        for (int file = 0; !over(t0); file++) {
            String language = languages.get(file % languages.size());
            List<String> samples = texts.get(language);
            String text = samples.get((file / languages.size()) % samples.size());
            askAtPositions(text, language, t0);
            typeWords(text, language, t0);
        }
    }

    private boolean over(long t0) {
        return stop.getAsBoolean() || System.nanoTime() - t0 > budgetNanos || Thread.currentThread().isInterrupted();
    }

    private void askAtPositions(String text, String language, long t0) {
        for (int i = 0; i < POSITIONS_PER_FILE && !over(t0); i++) {
            ask(text, rnd.nextInt(text.length() + 1), language);
        }
    }

    /** Types a few words of the text key by key, from their first character. */
    private void typeWords(String text, String language, long t0) {
        for (int i = 0; i < WORDS_PER_FILE; i++) {
            int start = wordStartFrom(text, rnd.nextInt(text.length()));
            for (int cur = start; cur < text.length() && Character.isLetterOrDigit(text.charAt(cur)); cur++) {
                if (over(t0)) {
                    return;
                }
                ask(text, cur, language);
            }
        }
    }

    private static int wordStartFrom(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isLetter(text.charAt(i))) {
            i++;
        }
        while (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** What an editor sends while the cursor is at cur (the rest of its line not yet written), as a body is handled. */
    private void ask(String text, int cur, String language) {
        int eol = text.indexOf('\n', cur);
        String code = eol < 0 ? text.substring(0, cur) : text.substring(0, cur) + text.substring(eol);
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("code", code, "cursorPosition", cur, "language", language));
            AutocompleteRequest request = AutocompleteRequest.parse(mapper, RequestBodies.decode(body), maxDocChars);
            mapper.writeValueAsBytes(service.complete(request.code(), request.cursor(), request.language()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        requests++;
        try {
            Thread.sleep(REST_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
