package io.pairpad.ot;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.Random;

/** Texts and operations for property tests: mostly ASCII, with line feeds, other scripts, surrogate pairs and lone surrogates. */
final class Gen {

    private static final String[] PIECES = {
            "a", "b", "c", "x", " ", "\n", "\t", "é", "ß", "中", "ж", "\u0301",
            "😀", "𝄞", "👍🏽", "\uD800", "\uDFFF", "\r\n", "\u0000", "\uFFFF",
    };

    private Gen() {
    }

    /** Texts from empty to a few hundred code units. */
    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.of("a", "b", "c", "x", " ")),
                        Tuple.of(4, Arbitraries.of(PIECES)))
                .list().ofMaxSize(300)
                .map(pieces -> String.join("", pieces))
                .edgeCases(config -> config.add(""));
    }

    static String text(Random random, int maxPieces) {
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(10) < 6 ? PIECES[random.nextInt(5)] : PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** A random operation on {@code text}, built as ot.js's own tests build theirs. */
    static TextOperation operation(String text, Random random) {
        TextOperation.Builder operation = TextOperation.builder();
        int position = 0;
        while (position < text.length()) {
            int n = 1 + random.nextInt(Math.min(text.length() - position, 20));
            double kind = random.nextDouble();
            if (kind < 0.2) {
                operation.insert(text(random, 5));
            } else if (kind < 0.4) {
                operation.delete(n);
                position += n;
            } else {
                operation.retain(n);
                position += n;
            }
        }
        if (random.nextDouble() < 0.3) {
            operation.insert(text(random, 10));
        }
        return operation.build();
    }
}
