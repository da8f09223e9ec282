package io.pairpad.complete;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes ranking events for bench/autocomplete/train_ranker.py: for every position and every
 * keystroke of the typed words of the given tasks, the candidates' features and which one was
 * right. Each file is predicted with the prior of the cross-validation fold that left it out.
 *
 *   TrainDump TASKS.jsonl PRIORS_DIR FOLDS OUT_PREFIX
 * writes OUT_PREFIX.cand (float32 rows: event, class, gold, language, features...) and
 * OUT_PREFIX.oov (event, class, gold, language, oov features...), little-endian; language is the
 * index of the file's language in {@link Ranker#LANGUAGES}.
 */
public final class TrainDump {
    public static void main(String[] args) throws Exception {
        List<OfflineEval.Task> tasks = OfflineEval.load(Path.of(args[0]));
        Path priors = Path.of(args[1]);
        int folds = Integer.parseInt(args[2]);
        List<Map<String, PriorModel>> foldPriors = FoldPriors.load(priors, folds);
        Predictor predictor = new Predictor(new Ranker());
        ChunkCache cache = new ChunkCache(4_000_000);
        int event = 0;
        int gold = 0;
        try (DataOutputStream cand = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[3] + ".cand")), 1 << 20));
             DataOutputStream oov = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[3] + ".oov")), 1 << 20))) {
            for (OfflineEval.Task t : tasks) {
                Map<String, PriorModel> pm = foldPriors.get(PriorBuilder.foldOf(t.path(), folds));
                LanguageSpec spec = LanguageSpec.of(t.lang());
                PriorModel prior = pm.get(spec.prior);
                Tokens orig = spec.lexer.lex(t.text());
                List<Integer> cursors = new ArrayList<>();
                for (int[] p : t.positions()) {
                    cursors.add(p[0]);
                }
                for (int[] w : t.words()) {
                    for (int k = 0; k < w[1] - w[0] - 1; k++) {
                        cursors.add(w[0] + k);
                    }
                }
                for (int cur : cursors) {
                    String req = OfflineEval.request(t.text(), cur);
                    Document d = new Document(spec, req, cur, cache);
                    if (d.mode != Document.Mode.CODE) {
                        continue;
                    }
                    String truth = truth(orig, cur, d.prefix);
                    if (truth == null) {
                        continue;
                    }
                    Predictor.Prediction pr = predictor.predict(d, prior);
                    int cls = pr.cls.ordinal();
                    int lang = Ranker.languageIndex(spec.prior);
                    boolean found = false;
                    for (Candidate c : pr.ranked) {
                        boolean g = c.token.equals(truth);
                        found |= g;
                        row(cand, event, cls, g ? 1 : 0, lang, c.features);
                    }
                    row(oov, event, cls, found ? 0 : 1, lang, pr.oovFeatures);
                    gold += found ? 1 : 0;
                    event++;
                }
            }
        }
        System.err.printf("%d events, %d with the right token among the candidates%n", event, gold);
    }

    /** The token that really comes at the cursor (the whole word when a prefix is typed). */
    static String truth(Tokens orig, int cur, String prefix) {
        if (!prefix.isEmpty()) {
            int i = orig.indexAt(cur);
            if (i < 0 || orig.kind(i) != TokenKind.NAME) {
                return null;
            }
            return orig.text(i);
        }
        int i = orig.indexAt(cur + 1);
        if (i < 0 || orig.start(i) != cur || TokenKind.isTrivia(orig.kind(i))) {
            return null;
        }
        return ModelStream.text(orig, i);
    }

    private static void row(DataOutputStream out, int event, int cls, int gold, int lang, double[] f) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * (4 + f.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(event).putFloat(cls).putFloat(gold).putFloat(lang);
        for (double x : f) {
            b.putFloat((float) x);
        }
        out.write(b.array());
    }
}
