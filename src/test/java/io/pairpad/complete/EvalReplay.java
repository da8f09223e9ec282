package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation's requests in eval.py's own order (one file after another: its positions, then
 * its words typed key by key), on one thread against one service, timed as wall clock and CPU
 * time. Reports the positions' p50 / p99 per language (what eval.py reports), also apart for the
 * first request on each file. With an answers file, writes every answer (positions and keys) as
 * a JSON line, to check that a change leaves them all as they were.
 *
 *   EvalReplay TASKS.jsonl [answers.jsonl]      (tasks from bench/autocomplete/dump_tasks.py)
 */
public final class EvalReplay {
    public static void main(String[] args) throws Exception {
        List<OfflineEval.Task> tasks = OfflineEval.load(Path.of(args[0]));
        AutocompleteService svc = new AutocompleteService();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ObjectMapper om = new ObjectMapper();
        Map<String, List<double[]>> byLang = new LinkedHashMap<>();
        PrintWriter answers = args.length > 1
                ? new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) : null;
        for (OfflineEval.Task t : tasks) {
            List<double[]> times = byLang.computeIfAbsent(t.lang(), k -> new ArrayList<>());
            for (int i = 0; i < t.positions().size(); i++) {
                int cur = t.positions().get(i)[0];
                String code = OfflineEval.request(t.text(), cur);
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                Suggestion s = svc.complete(code, cur, t.lang());
                long dw = System.nanoTime() - w0;
                long dc = mx.getCurrentThreadCpuTime() - c0;
                times.add(new double[] {dw / 1e6, dc / 1e6, i == 0 ? 1 : 0});
                if (answers != null) {
                    answers.println(om.writeValueAsString(List.of(t.path(), cur, s)));
                }
            }
            for (int[] w : t.words()) {
                for (int cur = w[0]; cur < w[1] - 1; cur++) {
                    Suggestion s = svc.complete(OfflineEval.request(t.text(), cur), cur, t.lang());
                    if (answers != null) {
                        answers.println(om.writeValueAsString(List.of(t.path(), cur, s)));
                    }
                    if (s.suggestion().length() >= w[1] - cur && t.text().startsWith(s.suggestion(), cur)) {
                        break;
                    }
                }
            }
        }
        if (answers != null) {
            answers.close();
        }
        System.out.println("| language | requests | wall p50 / p99 ms | CPU p50 / p99 ms | first on a file: CPU p50 / p99 ms "
                + "| others: CPU p50 / p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> e : byLang.entrySet()) {
            List<double[]> v = e.getValue();
            List<Double> wall = column(v, 0, -1);
            List<Double> cpu = column(v, 1, -1);
            List<Double> first = column(v, 1, 1);
            List<Double> rest = column(v, 1, 0);
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %d | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |", e.getKey(), v.size(),
                    LatencyBench.pct(wall, 50), LatencyBench.pct(wall, 99), LatencyBench.pct(cpu, 50),
                    LatencyBench.pct(cpu, 99), LatencyBench.pct(first, 50), LatencyBench.pct(first, 99),
                    LatencyBench.pct(rest, 50), LatencyBench.pct(rest, 99)));
        }
    }

    /** Column c of the rows whose first-on-a-file flag is first (-1: all rows). */
    private static List<Double> column(List<double[]> rows, int c, int first) {
        List<Double> out = new ArrayList<>();
        for (double[] r : rows) {
            if (first < 0 || r[2] == first) {
                out.add(r[c]);
            }
        }
        return out;
    }
}
