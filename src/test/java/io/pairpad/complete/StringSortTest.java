package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StringSortTest {

    @Test
    void sortsLikeTheLibraryForManySizesAndOrders() {
        Random rnd = new Random(7);
        for (int n = 0; n < 300; n += 1 + n / 10) {
            String[] a = distinctWords(rnd, n);
            assertSame(a);
            String[] sorted = a.clone();
            Arrays.sort(sorted);
            assertSame(sorted);
            String[] reversed = new String[n];
            for (int i = 0; i < n; i++) {
                reversed[i] = sorted[n - 1 - i];
            }
            assertSame(reversed);
        }
    }

    @Test
    void sortsNonAsciiAndPrefixes() {
        assertSame(new String[] {"ab", "a", "é", "abc", "Z", "_", "", "zz", "\u4e2d", "a\u00e9", "A"});
    }

    private static void assertSame(String[] input) {
        String[] expected = input.clone();
        Arrays.sort(expected);
        String[] actual = input.clone();
        StringSort.sort(actual);
        assertArrayEquals(expected, actual);
    }

    private static String[] distinctWords(Random rnd, int n) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            StringBuilder w = new StringBuilder();
            int len = 1 + rnd.nextInt(6);
            for (int i = 0; i < len; i++) {
                w.append((char) ('a' + rnd.nextInt(4)));
            }
            out.add(w.toString());
        }
        return out.toArray(new String[0]);
    }
}
