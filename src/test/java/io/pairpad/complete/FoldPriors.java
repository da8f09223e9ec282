package io.pairpad.complete;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the cross-validation priors written by PriorBuilder --folds K (DIR/foldF/prior-LANG.bin.gz). */
final class FoldPriors {
    private FoldPriors() {
    }

    static List<Map<String, PriorModel>> load(Path dir, int folds) throws IOException {
        List<Map<String, PriorModel>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            Map<String, PriorModel> m = new HashMap<>();
            for (String lang : AutocompleteService.languagesWithPrior()) {
                Path p = dir.resolve("fold" + f).resolve("prior-" + lang + ".bin.gz");
                if (Files.exists(p)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        m.put(lang, PriorModel.read(in));
                    }
                }
            }
            out.add(m);
        }
        return out;
    }
}
