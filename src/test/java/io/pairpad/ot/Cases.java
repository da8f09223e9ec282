package io.pairpad.ot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a property on many random cases. The cases of a property come from one fixed seed,
 * so every run checks the same cases; each case draws its inputs from a {@link Random} of its
 * own seed. When cases fail, the message names how many did, and shows the smallest failing
 * case: its seed and its inputs. Rerun that case alone with {@code -Dot.seed=<seed>}, and
 * check more cases than usual with {@code -Dot.cases=<count>}.
 */
final class Cases {

    static final String SEED_PROPERTY = "ot.seed";
    static final String CASES_PROPERTY = "ot.cases";
    private static final int MAX_SHOWN = 2_000;
    private static final int MAX_SEEDS_LISTED = 10;

    private Cases() {
    }

    /** One case's inputs, checked by throwing when the property does not hold. */
    @FunctionalInterface
    interface Property {
        void check(Case c) throws Exception;
    }

    /** The random source of one case, and the inputs it drew, to be shown if it fails. */
    static final class Case {

        private final long seed;
        private final Random random;
        private final List<String> names = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        private Case(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        Random random() {
            return random;
        }

        /** Records an input under a name, for the failure message, and returns it. */
        <T> T input(String name, T value) {
            names.add(name);
            values.add(value);
            return value;
        }

        private long size() {
            long size = 0;
            for (Object value : values) {
                size += value instanceof CharSequence text ? text.length() : String.valueOf(value).length();
            }
            return size;
        }

        private String describe() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                out.append("\n  ").append(names.get(i)).append(" = ").append(show(values.get(i)));
            }
            return out.toString();
        }
    }

    /**
     * Checks {@code property} on {@code count} cases drawn from {@code seed} (or on the one case
     * of the seed given as {@code -Dot.seed}), and fails naming the smallest failing case.
     */
    static void check(long seed, int count, Property property) {
        String only = System.getProperty(SEED_PROPERTY, "").trim();
        if (!only.isEmpty()) {
            count = 1;
        } else if (!System.getProperty(CASES_PROPERTY, "").isBlank()) {
            count = Integer.parseInt(System.getProperty(CASES_PROPERTY).trim());
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Long> failedSeeds = new ArrayList<>();
        Case smallest = null;
        Throwable smallestFailure = null;
        for (int i = 0; i < count; i++) {
            long caseSeed = only.isEmpty() ? seeds.nextLong() : Long.parseUnsignedLong(only.replaceFirst("^0x", ""), 16);
            Case c = new Case(caseSeed);
            try {
                property.check(c);
            } catch (Exception | AssertionError | StackOverflowError e) {
                failedSeeds.add(caseSeed);
                if (smallest == null || c.size() < smallest.size()) {
                    smallest = c;
                    smallestFailure = e;
                }
            }
        }
        if (smallest != null) {
            StringBuilder message = new StringBuilder()
                    .append(failedSeeds.size()).append(" of ").append(count).append(" cases failed; the smallest, ")
                    .append("seed ").append(hex(smallest.seed)).append(" (rerun it alone with -D")
                    .append(SEED_PROPERTY).append('=').append(hex(smallest.seed)).append("):")
                    .append(smallest.describe())
                    .append("\n  failure: ").append(smallestFailure);
            if (failedSeeds.size() > 1) {
                message.append("\n  failing seeds:");
                failedSeeds.stream().limit(MAX_SEEDS_LISTED).forEach(s -> message.append(' ').append(hex(s)));
                if (failedSeeds.size() > MAX_SEEDS_LISTED) {
                    message.append(" …");
                }
            }
            fail(message.toString(), smallestFailure);
        }
    }

    static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }

    /** A value for a failure message: text as an escaped Java string literal, long values cut short. */
    static String show(Object value) {
        if (value instanceof CharSequence text) {
            String literal = literal(text.length() <= MAX_SHOWN ? text : text.subSequence(0, MAX_SHOWN));
            return text.length() <= MAX_SHOWN ? literal : literal + "… (" + text.length() + " chars in all)";
        }
        String shown = String.valueOf(value);
        return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "… (" + shown.length() + " chars in all)";
    }

    private static String literal(CharSequence text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
