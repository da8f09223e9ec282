package io.pairpad.complete;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Warms the completer up in the background: asks for completions in code made up from the
 * shipped priors ({@link PriorSample}) the way an editor does (positions anywhere in a file,
 * then words typed key by key, the rest of the line cut off), so that the just-in-time compiler
 * compiles the request path with the branches real files take. It runs on a service of its own,
 * with its own caches, so it never answers or changes a real request; it stops at the first
 * real request, or when its time is up: it runs while the database starts, and longer would
 * slow the start-up down (20 s of it made a warm start 1 s longer). Compiled code serves the
 * whole process, so only the first service of a process warms up (tests make many).
 */
final class Warmup implements Runnable {
    static final long BUDGET_NANOS = 1_500_000_000L;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int POSITIONS_PER_FILE = 10;
    private static final int WORDS_PER_FILE = 3;
    private static final int[] FILE_LINES = {60, 200, 600, 1500};

    private final AutocompleteService service;
    private final BooleanSupplier stop;
    private final long budgetNanos;
    private final Random rnd = new Random(20261126);
    private int requests;

    Warmup(AutocompleteService service, BooleanSupplier stop, long budgetNanos) {
        this.service = service;
        this.stop = stop;
        this.budgetNanos = budgetNanos;
    }

    /** Starts warming up the real service unless a service of this process already did; the thread, or null. */
    static Thread startOnce(AutocompleteService real) {
        return STARTED.compareAndSet(false, true) ? start(real, BUDGET_NANOS) : null;
    }

    /** Starts warming up a copy of the real service on a low-priority daemon thread. */
    static Thread start(AutocompleteService real, long budgetNanos) {
        Warmup w = new Warmup(real.withOwnCaches(), () -> real.requestsServed() > 0, budgetNanos);
        Thread t = new Thread(w, "autocomplete-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** The requests made so far. */
    int requests() {
        return requests;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        List<String> languages = AutocompleteService.languagesWithPrior();
        for (int file = 0; !over(t0); file++) {
            String language = languages.get(file % languages.size());
            PriorModel prior = service.prior(language);
            if (prior == null) {
                continue;
            }
            int lines = FILE_LINES[(file / languages.size()) % FILE_LINES.length];
            String text = PriorSample.of(prior, LanguageSpec.of(language), rnd, lines);
            askAtPositions(text, language, t0);
            typeWords(text, language, t0);
        }
    }

    private boolean over(long t0) {
        return stop.getAsBoolean() || System.nanoTime() - t0 > budgetNanos;
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

    /** What an editor sends while the cursor is at cur: the text with the rest of the cursor's line not yet written. */
    private void ask(String text, int cur, String language) {
        int eol = text.indexOf('\n', cur);
        String code = eol < 0 ? text.substring(0, cur) : text.substring(0, cur) + text.substring(eol);
        service.complete(code, cur, language);
        requests++;
    }
}
