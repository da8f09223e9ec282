package io.pairpad.ot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures what applying one small edit costs in a 1 KB and in a 1 MB document: a typical
 * typing operation (1 to 3 characters inserted or deleted somewhere) applied to a Rope,
 * and for contrast to a String. Run it with bench/text-cost.sh.
 */
public final class TextCostBench {

    private static final int KB = 1 << 10;
    private static final int MB = 1 << 20;
    private static final int OPERATIONS = 1 << 14;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Operations applied between two clock reads; even, so the document is back to its length. */
    private static final int BATCH = 64;

    private TextCostBench() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        String small = document(random, KB);
        String large = document(random, MB);
        TextOperation[] smallOps = typing(random, small.length());
        TextOperation[] largeOps = typing(random, large.length());

        System.out.printf(Locale.ROOT, "Java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Applying one 1-3 character insert or delete (median of %d rounds of %.0f s)%n",
                ROUNDS, MEASURE_NANOS / 1e9);
        System.out.printf(Locale.ROOT, "Load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double ropeSmall = measure("Rope,   1 KB", Rope.of(small), smallOps, TextCostBench::replay);
        double ropeLarge = measure("Rope,   1 MB", Rope.of(large), largeOps, TextCostBench::replay);
        double stringSmall = measure("String, 1 KB", small, smallOps, TextCostBench::replay);
        double stringLarge = measure("String, 1 MB", large, largeOps, TextCostBench::replay);
        System.out.printf(Locale.ROOT, "Ratios of CPU ns/op:%n");
        System.out.printf(Locale.ROOT, "Rope:   1 MB / 1 KB = %.2f%n", ropeLarge / ropeSmall);
        System.out.printf(Locale.ROOT, "String: 1 MB / 1 KB = %.2f%n", stringLarge / stringSmall);
        System.out.printf(Locale.ROOT, "1 MB:   String / Rope = %.1f%n", stringLarge / ropeLarge);
    }

    /** Source-code-like text of exactly {@code length} characters. */
    private static String document(Random random, int length) {
        String[] words = {"value", "count", "return", "if", "for", "item", "name", "=", "+", "(", ")", "42", "\"text\""};
        StringBuilder text = new StringBuilder(length + 100);
        while (text.length() < length) {
            text.append("    ".repeat(random.nextInt(4)));
            for (int i = random.nextInt(8); i >= 0; i--) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append('\n');
        }
        return text.substring(0, length);
    }

    /** Pairs of an insert and a delete of the same size, so the document keeps its length and the ops can be replayed in a loop. */
    private static TextOperation[] typing(Random random, int length) {
        TextOperation[] ops = new TextOperation[OPERATIONS];
        for (int i = 0; i < OPERATIONS; i += 2) {
            int size = 1 + random.nextInt(3);
            int insertAt = random.nextInt(length + 1);
            ops[i] = TextOperation.builder().retain(insertAt).insert("xyz".substring(0, size)).retain(length - insertAt).build();
            int deleteAt = random.nextInt(length + 1);
            ops[i + 1] = TextOperation.builder().retain(deleteAt).delete(size).retain(length - deleteAt).build();
        }
        return ops;
    }

    /** Applies the operations round-robin to a rope for about {@code nanos}, in batches of pairs. */
    private static Measured<Rope> replay(Rope text, TextOperation[] ops, long nanos) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        Rope current = text;
        long applied = 0;
        do {
            for (int i = 0; i < BATCH; i++) {
                current = ops[(int) (applied++ % ops.length)].apply(current);
            }
        } while (System.nanoTime() - start < nanos);
        return new Measured<>(current, applied, System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
    }

    private static Measured<String> replay(String text, TextOperation[] ops, long nanos) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        String current = text;
        long applied = 0;
        do {
            for (int i = 0; i < BATCH; i++) {
                current = ops[(int) (applied++ % ops.length)].apply(current);
            }
        } while (System.nanoTime() - start < nanos);
        return new Measured<>(current, applied, System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
    }

    private record Measured<T extends CharSequence>(T text, long operations, long wallNanos, long cpuNanos) {
    }

    private interface Replay<T extends CharSequence> {
        Measured<T> run(T text, TextOperation[] ops, long nanos);
    }

    /**
     * Nanoseconds per operation, median of several timed rounds after a warm-up. CPU time of
     * the measuring thread is the headline figure, as it is less disturbed by other processes
     * on a shared machine; wall time, which includes collector pauses, is shown beside it.
     */
    private static <T extends CharSequence> double measure(String label, T text, TextOperation[] ops, Replay<T> replay) {
        T current = replay.run(text, ops, WARM_UP_NANOS).text();
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        long operations = 0;
        for (int r = 0; r < ROUNDS; r++) {
            Measured<T> measured = replay.run(current, ops, MEASURE_NANOS);
            current = measured.text();
            cpu[r] = (double) measured.cpuNanos() / measured.operations();
            wall[r] = (double) measured.wallNanos() / measured.operations();
            operations += measured.operations();
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        // Printing a character of the result keeps the work from being optimised away.
        System.out.printf(Locale.ROOT, "%s: %,10.0f ns/op CPU (rounds %,.0f .. %,.0f), %,10.0f ns/op wall; %,d ops; check %d%n",
                label, cpu[ROUNDS / 2], cpu[0], cpu[ROUNDS - 1], wall[ROUNDS / 2], operations,
                (int) current.charAt(current.length() / 2));
        return cpu[ROUNDS / 2];
    }
}
