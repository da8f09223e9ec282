package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * In-process twin of bench/autocomplete/latency.py: the same kind of typing into documents of
 * 200, 2,000 and 10,000 lines, timed as wall clock and as this thread's CPU time (also apart for the
 * first request of each word, which moves the cursor to another line). The CPU time tells what a
 * request costs when the machine is shared with other work.
 *
 *   LatencyBench FILES.jsonl [language] [words]
 */
public final class LatencyBench {
    public static void main(String[] args) throws Exception {
        String lang = args.length > 1 ? args[1] : "python";
        int words = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        List<String> texts = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader br = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = br.readLine()) != null) {
                JsonNode n = om.readTree(line);
                if (n.get("lang").asText().equals(lang)) {
                    texts.add(n.get("text").asText());
                }
            }
        }
        AutocompleteService svc = new AutocompleteService();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("| lines | characters | requests | wall p50 ms | wall p99 ms | CPU p50 ms | CPU p99 ms "
                + "| CPU after a move p50 / p99 ms | CPU on the same line p50 / p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : new int[] {200, 2000, 10000}) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; lines.size() < size; i++) {
                lines.addAll(Arrays.asList(texts.get(i % texts.size()).split("\n", -1)));
            }
            lines = lines.subList(0, size);
            String doc = String.join("\n", lines) + "\n";
            int[] starts = new int[size];
            int p = 0;
            for (int i = 0; i < size; i++) {
                starts[i] = p;
                p += lines.get(i).length() + 1;
            }
            Random rng = new Random(size);
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> moved = new ArrayList<>();
            List<Double> sameLine = new ArrayList<>();
            int warm = 10;
            for (int w = 0; w < words + warm; w++) {
                int li = rng.nextInt(size - 1);
                String line = lines.get(li);
                int indent = line.length() - line.stripLeading().length();
                String word = line.substring(indent, Math.min(line.length(), indent + 12));
                int base = starts[li] + indent;
                for (int k = 0; k <= word.length(); k++) {
                    String code = doc.substring(0, base) + word.substring(0, k) + doc.substring(starts[li] + line.length());
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    svc.complete(code, base + k, lang);
                    long dt = System.nanoTime() - t0;
                    long dc = mx.getCurrentThreadCpuTime() - c0;
                    if (w >= warm) {
                        wall.add(dt / 1e6);
                        cpu.add(dc / 1e6);
                        (k == 0 ? moved : sameLine).add(dc / 1e6);
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT,
                    "| %,d | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f |", size, doc.length(),
                    wall.size(), pct(wall, 50), pct(wall, 99), pct(cpu, 50), pct(cpu, 99), pct(moved, 50),
                    pct(moved, 99), pct(sameLine, 50), pct(sameLine, 99)));
        }
    }

    static double pct(List<Double> v, int q) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[Math.min(a.length - 1, Math.max(0, (int) Math.ceil(q / 100.0 * a.length) - 1))];
    }
}
