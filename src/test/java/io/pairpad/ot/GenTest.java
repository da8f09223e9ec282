package io.pairpad.ot;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated texts reach what the properties are meant to cover. */
class GenTest {

    @Test
    void textsCoverEmptyLongAndAwkwardUnicode() {
        SplittableRandom seeds = new SplittableRandom(0x7A4E5F0E01L);
        int cases = 3000;
        int empty = 0;
        int longer = 0;
        int veryLong = 0;
        int pairs = 0;
        int lone = 0;
        int combining = 0;
        int lineFeeds = 0;
        for (int i = 0; i < cases; i++) {
            String text = Gen.text(new Random(seeds.nextLong()));
            empty += text.isEmpty() ? 1 : 0;
            longer += text.length() > 1_000 ? 1 : 0;
            veryLong += text.length() > 5_000 ? 1 : 0;
            pairs += text.codePoints().anyMatch(Character::isSupplementaryCodePoint) ? 1 : 0;
            lone += text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? 1 : 0;
            combining += text.indexOf('\u0301') >= 0 || text.indexOf('\u200D') >= 0 ? 1 : 0;
            lineFeeds += text.indexOf('\n') >= 0 ? 1 : 0;
        }

        assertTrue(empty >= cases / 30, "empty: " + empty);
        assertTrue(longer >= cases / 30, "over 1000 code units: " + longer);
        assertTrue(veryLong >= cases / 300, "over 5000 code units: " + veryLong);
        assertTrue(pairs >= cases / 2, "with surrogate pairs: " + pairs);
        assertTrue(lone >= cases / 2, "with lone surrogates: " + lone);
        assertTrue(combining >= cases / 2, "with combining marks or joiners: " + combining);
        assertTrue(lineFeeds >= cases / 3, "with line feeds: " + lineFeeds);
    }

    @Test
    void aCaseIsTheSameForItsSeed() {
        long seed = new SplittableRandom(1).nextLong();

        String text = Gen.text(new Random(seed));

        assertEquals(text, Gen.text(new Random(seed)));
        assertEquals(Gen.operation(text, new Random(seed)), Gen.operation(text, new Random(seed)));
    }
}
