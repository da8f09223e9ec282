package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process copy of the evaluation (../shared/autocomplete-eval/eval.py) over tasks written by
 * bench/autocomplete/dump_tasks.py: same requests, same judging, no HTTP. For quick iteration only;
 * the figures of record come from eval.py over HTTP.
 *
 *   java -cp ... io.pairpad.complete.OfflineEval /tmp/ac/dev-eval.jsonl [records.jsonl]
 *
 * With -Dprefix.only=true a request holds the text up to the cursor and nothing after it, as when
 * a pad is written from top to bottom (eval.py keeps the lines after the cursor's).
 */
public final class OfflineEval {
    static final Pattern PY_WORD = Pattern.compile("[^\\W\\d]\\w*", Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern JS_WORD = Pattern.compile("(?:[^\\W\\d]|\\$)(?:\\w|\\$)*", Pattern.UNICODE_CHARACTER_CLASS);

    record Task(String lang, String path, String text, List<int[]> positions, List<String> kinds, List<int[]> words) {
    }

    record PosRec(String lang, String path, String kind, int cursor, boolean shown, boolean accepted, int saved,
                  double conf, boolean word, boolean top1, boolean top5, String suggestion, String truth,
                  long nanos, String cls, List<Opt> opts) {
    }

    /**
     * One option of a request (with -Dexplain=true): right = the text starts with it, firstRight =
     * with its first token's part; covers = it is right and covers the word typed.
     */
    record Opt(String how, double raw, double tail, int len, boolean right, boolean firstRight, boolean covers) {
    }

    record KeyRec(String lang, String path, int word, int k, int length, String cls, List<Opt> opts) {
    }

    static final boolean EXPLAIN = Boolean.getBoolean("explain");
    static final boolean PREFIX_ONLY = Boolean.getBoolean("prefix.only");

    record WordRec(String lang, int length, int saved) {
    }

    static final List<KeyRec> KEYS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        List<Task> tasks = load(Path.of(args[0]));
        AutocompleteService shipped = new AutocompleteService(AutocompleteService.loadPriors(), Ranker.load(),
                calibration(), policy());
        String foldDir = System.getProperty("folds.dir");
        int folds = Integer.getInteger("folds.k", 5);
        List<AutocompleteService> perFold = new ArrayList<>();
        if (foldDir != null) {
            for (Map<String, PriorModel> pm : FoldPriors.load(Path.of(foldDir), folds)) {
                perFold.add(new AutocompleteService(pm, Ranker.load(), calibration(), policy()));
            }
            System.err.println("cross-validated: each file with the prior of the fold that leaves it out");
        }
        int threads = Integer.getInteger("threads", 2);
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        List<Future<Object[]>> fs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Task t : tasks) {
            AutocompleteService svc = perFold.isEmpty() ? shipped : perFold.get(PriorBuilder.foldOf(t.path(), folds));
            fs.add(ex.submit(() -> run(svc, t)));
        }
        List<PosRec> recs = new ArrayList<>();
        List<WordRec> ws = new ArrayList<>();
        for (Future<Object[]> f : fs) {
            Object[] r = f.get();
            @SuppressWarnings("unchecked") List<PosRec> a = (List<PosRec>) r[0];
            @SuppressWarnings("unchecked") List<WordRec> b = (List<WordRec>) r[1];
            recs.addAll(a);
            ws.addAll(b);
        }
        ex.shutdown();
        System.err.printf("(%.1fs)%n", (System.nanoTime() - t0) / 1e9);
        report(recs, ws);
        if (args.length > 1) {
            ObjectMapper om = new ObjectMapper();
            try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
                for (PosRec r : recs) {
                    pw.println(om.writeValueAsString(r));
                }
            }
            try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(args[1] + ".keys"), StandardCharsets.UTF_8))) {
                for (KeyRec r : KEYS) {
                    pw.println(om.writeValueAsString(r));
                }
            }
        }
    }

    /** The shipped policy, with -Dpolicy.extendMin= / extendShow= / showMin= overrides. */
    static SuggestionBuilder.Policy policy() {
        SuggestionBuilder.Policy p = Tuning.load();
        if (System.getProperty("policy.extendMin") != null) {
            p.extendMin = Double.parseDouble(System.getProperty("policy.extendMin"));
        }
        if (System.getProperty("policy.extendShow") != null) {
            p.extendShow = Double.parseDouble(System.getProperty("policy.extendShow"));
        }
        if (System.getProperty("policy.showMin") != null) {
            java.util.Arrays.fill(p.showMin, Double.parseDouble(System.getProperty("policy.showMin")));
        }
        return p;
    }

    /** The shipped calibration, or the identity with -Dcalibration=off. */
    static Calibration calibration() {
        return "off".equals(System.getProperty("calibration")) ? new Calibration() : Calibration.load();
    }

    static List<Task> load(Path p) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Task> out = new ArrayList<>();
        try (BufferedReader br = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            while ((line = br.readLine()) != null) {
                JsonNode n = om.readTree(line);
                List<int[]> pos = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (JsonNode q : n.get("positions")) {
                    pos.add(new int[] {q.get(0).asInt(), q.get(2).isNull() ? -1 : q.get(2).asInt(),
                            q.get(3).isNull() ? -1 : q.get(3).asInt()});
                    kinds.add(q.get(1).asText());
                }
                List<int[]> words = new ArrayList<>();
                for (JsonNode w : n.get("words")) {
                    words.add(new int[] {w.get(0).asInt(), w.get(1).asInt()});
                }
                out.add(new Task(n.get("lang").asText(), n.get("path").asText(), n.get("text").asText(), pos, kinds, words));
            }
        }
        return out;
    }

    static String request(String text, int cursor) {
        if (PREFIX_ONLY) {
            return text.substring(0, cursor);
        }
        int eol = text.indexOf('\n', cursor);
        if (eol < 0) {
            eol = text.length();
        }
        return text.substring(0, cursor) + text.substring(eol);
    }

    static String leadingWord(String s, String lang) {
        Matcher m = (lang.equals("python") ? PY_WORD : JS_WORD).matcher(s);
        return m.lookingAt() ? m.group() : "";
    }

    static Object[] run(AutocompleteService svc, Task t) {
        List<PosRec> recs = new ArrayList<>();
        for (int i = 0; i < t.positions.size(); i++) {
            int[] p = t.positions.get(i);
            int cur = p[0];
            long a = System.nanoTime();
            Suggestion s = svc.complete(request(t.text, cur), cur, t.lang);
            long dt = System.nanoTime() - a;
            String sug = s.suggestion();
            boolean shown = !sug.isEmpty();
            boolean acc = shown && t.text.startsWith(sug, cur);
            boolean word = p[1] >= 0;
            boolean top1 = false;
            boolean top5 = false;
            if (word) {
                String typed = t.text.substring(p[1], cur);
                String target = t.text.substring(p[1], p[2]);
                List<Suggestion.Alternative> alts = s.alternatives();
                for (int k = 0; k < Math.min(5, alts.size()); k++) {
                    String got = leadingWord(typed + alts.get(k).insert(), t.lang);
                    if (got.equals(target)) {
                        top5 = true;
                        if (k == 0) {
                            top1 = true;
                        }
                    }
                }
            }
            int eol = t.text.indexOf('\n', cur);
            String truth = t.text.substring(cur, Math.min(eol < 0 ? t.text.length() : eol, cur + 40));
            String cls = "";
            List<Opt> opts = List.of();
            if (EXPLAIN) {
                AutocompleteService.Explanation x = svc.explain(request(t.text, cur), cur, t.lang);
                if (x != null) {
                    cls = x.prediction().cls.name();
                    opts = opts(x, t.text, cur, cur);
                }
            }
            recs.add(new PosRec(t.lang, t.path, t.kinds.get(i), cur, shown, acc, acc ? sug.length() : 0,
                    s.confidence(), word, top1, top5, sug, truth, dt, cls, opts));
        }
        List<WordRec> ws = new ArrayList<>();
        int wi = 0;
        for (int[] w : t.words) {
            wi++;
            if (EXPLAIN) {
                for (int k = 0; k < w[1] - w[0] - 1; k++) {
                    int cur = w[0] + k;
                    AutocompleteService.Explanation x = svc.explain(request(t.text, cur), cur, t.lang);
                    if (x != null) {
                        KEYS.add(new KeyRec(t.lang, t.path, wi, k, w[1] - w[0], x.prediction().cls.name(),
                                opts(x, t.text, cur, w[1])));
                    }
                }
            }
            int s0 = w[0];
            int e = w[1];
            int n = e - s0;
            int saved = 0;
            for (int k = 0; k < n - 1; k++) {
                int cur = s0 + k;
                Suggestion s = svc.complete(request(t.text, cur), cur, t.lang);
                String sug = s.suggestion();
                if (!sug.isEmpty() && sug.length() >= e - cur && t.text.startsWith(sug, cur)) {
                    saved = n - k - 1;
                    break;
                }
            }
            ws.add(new WordRec(t.lang, n, saved));
        }
        return new Object[] {recs, ws};
    }

    /** The options of a request, judged against the text; wordEnd is where the word typed ends. */
    static List<Opt> opts(AutocompleteService.Explanation x, String text, int cur, int wordEnd) {
        List<Opt> out = new ArrayList<>();
        for (SuggestionOptions.Choice c : x.options()) {
            boolean right = text.startsWith(c.insert(), cur);
            boolean firstRight = text.startsWith(c.insert().substring(0, c.firstLen()), cur);
            out.add(new Opt(c.how(), c.raw(), c.tail(), c.insert().length(), right, firstRight,
                    right && c.insert().length() >= wordEnd - cur));
        }
        return out;
    }

    static void report(List<PosRec> recs, List<WordRec> ws) {
        System.out.println(String.format(Locale.ROOT, "%-11s %5s %7s %7s %7s %7s %7s %7s %7s %7s %7s",
                "lang", "n", "accept", "shown", "prec", "KS", "top1", "top5", "brierS", "ch/req", "p99ms"));
        Map<String, List<PosRec>> by = new LinkedHashMap<>();
        for (String l : List.of("python", "java", "javascript")) {
            by.put(l, new ArrayList<>());
        }
        by.put("all", recs);
        for (PosRec r : recs) {
            by.get(r.lang).add(r);
        }
        for (Map.Entry<String, List<PosRec>> e : by.entrySet()) {
            String l = e.getKey();
            List<PosRec> rs = e.getValue();
            List<WordRec> w = ws.stream().filter(x -> l.equals("all") || x.lang.equals(l)).toList();
            System.out.println(row(l, rs, w));
        }
        System.out.println("by kind (all languages): accept / shown / prec / top5 / brierS");
        for (String k : List.of("ident_mid", "ident_start", "after_dot", "line_start", "boundary")) {
            List<PosRec> rs = recs.stream().filter(r -> r.kind.equals(k)).toList();
            System.out.println("  " + row(k, rs, List.of()));
        }
    }

    static String row(String name, List<PosRec> rs, List<WordRec> w) {
        int n = rs.size();
        long shown = rs.stream().filter(PosRec::shown).count();
        long acc = rs.stream().filter(PosRec::accepted).count();
        long words = rs.stream().filter(PosRec::word).count();
        long top1 = rs.stream().filter(PosRec::top1).count();
        long top5 = rs.stream().filter(PosRec::top5).count();
        double brier = rs.stream().filter(PosRec::shown).mapToDouble(r -> Math.pow(r.conf - (r.accepted ? 1 : 0), 2)).sum();
        double chars = rs.stream().mapToInt(PosRec::saved).sum();
        long total = w.stream().mapToInt(WordRec::length).sum();
        long saved = w.stream().mapToInt(WordRec::saved).sum();
        double[] lat = rs.stream().mapToDouble(r -> r.nanos / 1e6).sorted().toArray();
        double p99 = lat.length == 0 ? 0 : lat[Math.min(lat.length - 1, (int) Math.ceil(0.99 * lat.length) - 1)];
        return String.format(Locale.ROOT, "%-11s %5d %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %7.4f %7.2f %7.1f",
                name, n, 100.0 * acc / n, 100.0 * shown / n, shown == 0 ? 0 : 100.0 * acc / shown,
                total == 0 ? 0 : 100.0 * saved / total, words == 0 ? 0 : 100.0 * top1 / words,
                words == 0 ? 0 : 100.0 * top5 / words, shown == 0 ? 0 : brier / shown, chars / n, p99);
    }
}
