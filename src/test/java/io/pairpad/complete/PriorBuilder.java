package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the shipped priors (src/main/resources/complete/prior-LANG.bin.gz) from the files of
 * the development list, given as JSON lines {"lang","path","text"} (bench/autocomplete/build-prior.sh
 * writes them with the evaluation's corpus.py). Test scope: a build tool, never part of the server.
 *
 * Only what many files share is kept, so that no file's code can be read back out:
 * a name, string or number is kept only if at least {@link #MIN_TOKEN_FILES} files use it (else
 * it becomes its class, e.g. &lt;id&gt;), and an n-gram (at most 4 tokens) only if at least
 * {@link #MIN_NGRAM_FILES} files hold it.
 *
 *   PriorBuilder FILES.jsonl OUT_DIR [--folds K [--fold F]]   (leave out fold F; without --fold, every
 *   fold into OUT_DIR/foldF)
 */
public final class PriorBuilder {
    static final int MIN_TOKEN_FILES = Integer.getInteger("prior.minTokenFiles", 3);
    static final int MIN_NGRAM_FILES = 2;

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        int folds = 0;
        int fold = -1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--folds")) {
                folds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--fold")) {
                fold = Integer.parseInt(args[++i]);
            }
        }
        if (folds > 0 && fold < 0) {
            for (int f = 0; f < folds; f++) {
                main(new String[] {args[0], outDir.resolve("fold" + f).toString(), "--folds", String.valueOf(folds),
                    "--fold", String.valueOf(f)});
            }
            return;
        }
        Map<String, List<String>> byLang = new LinkedHashMap<>();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader br = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            while ((line = br.readLine()) != null) {
                JsonNode n = om.readTree(line);
                String path = n.get("path").asText();
                if (folds > 0 && foldOf(path, folds) == fold) {
                    continue;
                }
                byLang.computeIfAbsent(n.get("lang").asText(), k -> new ArrayList<>()).add(n.get("text").asText());
            }
        }
        Files.createDirectories(outDir);
        for (Map.Entry<String, List<String>> e : byLang.entrySet()) {
            PriorModel p = build(LanguageSpec.of(e.getKey()), e.getValue());
            Path out = outDir.resolve("prior-" + e.getKey() + ".bin.gz");
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
                p.write(os);
            }
            System.err.printf("%s: %d files, vocab %d, contexts %d, n-grams %d -> %s (%d bytes)%n", e.getKey(),
                    e.getValue().size(), p.table.vocab.length, p.table.ctxKeys.length, p.table.nextTok.length, out,
                    Files.size(out));
        }
    }

    /** The cross-validation fold of a file (stable across runs). */
    static int foldOf(String path, int folds) {
        return (int) Long.remainderUnsigned(Hash64.of(path), folds);
    }

    static List<String> stream(LanguageSpec spec, String text) {
        Tokens t = spec.lexer.lex(text);
        LineIndex lines = LineIndex.of(t);
        return ModelStream.lines(t, lines, 0, lines.count, -1, null);
    }

    static PriorModel build(LanguageSpec spec, List<String> texts) {
        List<List<String>> streams = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            List<String> s = stream(spec, text);
            streams.add(s);
            for (String tok : new HashSet<>(s)) {
                df.merge(tok, 1, Integer::sum);
            }
        }
        // the vocabulary: operators and markers always; names, strings, numbers used by enough files
        Set<String> keep = new HashSet<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            String t = e.getKey();
            String cls = PriorModel.classOf(t);
            if (cls.equals(t) || ModelStream.isMarker(t) || e.getValue() >= MIN_TOKEN_FILES) {
                keep.add(t);
            }
        }
        keep.add(ModelStream.ID);
        keep.add(ModelStream.STR);
        keep.add(ModelStream.NUM);
        String[] vocab = keep.toArray(new String[0]);
        Arrays.sort(vocab);
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocab.length; i++) {
            id.put(vocab[i], i);
        }
        int[] uni = new int[vocab.length];
        // n-gram -> [count, files, last file]
        Map<Long, int[]> grams = new HashMap<>();
        Map<Long, long[]> gramKey = new HashMap<>();
        for (int f = 0; f < streams.size(); f++) {
            List<String> s = streams.get(f);
            int n = s.size();
            long[] h = new long[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                String t = s.get(i);
                String a = keep.contains(t) ? t : PriorModel.classOf(t);
                if (!id.containsKey(a)) {
                    a = ModelStream.ID;
                }
                ids[i] = id.get(a);
                h[i] = Hash64.of(a);
                uni[ids[i]]++;
            }
            for (int i = 1; i < n; i++) {
                long ctx = 0;
                for (int k = 1; k <= NgramTable.MAX_CONTEXT && i - k >= 0; k++) {
                    ctx = NgramTable.contextStep(ctx, h, i - k, k);
                    long key = Hash64.extend(ctx, ids[i]);
                    int[] v = grams.get(key);
                    if (v == null) {
                        v = new int[] {0, 0, -1};
                        grams.put(key, v);
                        gramKey.put(key, new long[] {ctx, ids[i]});
                    }
                    v[0]++;
                    if (v[2] != f) {
                        v[1]++;
                        v[2] = f;
                    }
                }
            }
        }
        int m = 0;
        long[] keys = new long[grams.size()];
        int[] toks = new int[grams.size()];
        int[] weights = new int[grams.size()];
        for (Map.Entry<Long, int[]> e : grams.entrySet()) {
            if (e.getValue()[1] < MIN_NGRAM_FILES) {
                continue;
            }
            long[] kt = gramKey.get(e.getKey());
            keys[m] = kt[0];
            toks[m] = (int) kt[1];
            weights[m] = e.getValue()[0];
            m++;
        }
        return new PriorModel(NgramTable.fromPairs(vocab, uni, keys, toks, weights, m, new String[0]));
    }
}
