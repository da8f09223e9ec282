package io.pairpad.ot;

import java.util.Random;

/**
 * Texts and operations for property tests: mostly ASCII, with line feeds, other scripts,
 * combining marks, surrogate pairs and lone surrogates.
 */
final class Gen {

    /** Pieces of text; the first five are the plain ones, drawn most often. */
    private static final String[] PIECES = {
            "a", "b", "c", "x", " ", "\n", "\t", "é", "ß", "中", "ж", "\u0301",
            "😀", "𝄞", "👍🏽", "\uD800", "\uDFFF", "\r\n", "\u0000", "\uFFFF",
            "א", "\u200D", "👨‍👩‍👧", "\uFEFF", "\u2028", "\r", "\uDBFF\uDFFF", "\uDBFF",
    };

    private Gen() {
    }

    /**
     * A text of any size: empty in about one case in twenty, long (up to a few thousand code
     * units) in about one in twenty, very long (up to some ten thousand) in about one in a hundred,
     * and otherwise up to a few hundred.
     */
    static String text(Random random) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return "";
        }
        int maxPieces = roll < 30 ? 8 : roll < 75 ? 60 : roll < 94 ? 300 : roll < 99 ? 2_000 : 8_000;
        return text(random, maxPieces);
    }

    /** A text of up to {@code maxPieces} pieces of one to eight code units. */
    static String text(Random random, int maxPieces) {
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(10) < 6 ? PIECES[random.nextInt(5)] : PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /**
     * Code points that share their high or their low surrogate with others, so that two such texts
     * often differ inside a pair: U+1F600, U+1F601, U+1F602, U+1F44D, U+1F44E and U+1F51E share D83D;
     * U+1D11E, U+1D122 and U+1D200 share D834; U+1F600, U+1D200 and U+10600 share DE00; U+1D11E and U+1F51E share DD1E.
     */
    private static final String[] PAIRS = {"😀", "😁", "😂", "👍", "👎", "🔞", "𝄞", "𝄢", "𝈀", "𐘀", "a", "\n"};

    /** A text of up to {@code maxPieces} pieces, mostly surrogate pairs that differ only in one of their halves. */
    static String pairText(Random random, int maxPieces) {
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PAIRS[random.nextInt(PAIRS.length)]);
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
