package io.pairpad.complete;

import java.util.Arrays;

/**
 * Numbers distinct token texts in the order first seen, counting their occurrences; a text
 * given as a range of a source string becomes a String only the first time it is seen.
 */
final class TokenIds {
    private final LongIndex index;
    private String[] texts;
    private long[] hashes;
    private int[] counts;

    TokenIds(int expected) {
        index = new LongIndex(expected);
        texts = new String[Math.max(16, expected)];
        hashes = new long[texts.length];
        counts = new int[texts.length];
    }

    int size() {
        return index.size();
    }

    String text(int id) {
        return texts[id];
    }

    /** {@link Hash64#of(String)} of the text. */
    long hash(int id) {
        return hashes[id];
    }

    int count(int id) {
        return counts[id];
    }

    int add(String text) {
        return add(text, 0, text.length());
    }

    /** The id of src[from, to), counted once more. */
    int add(String src, int from, int to) {
        long h = Hash64.of(src, from, to);
        // a key taken by another text with the same hash: try the next key the hash leads to
        for (long key = h; ; key = Hash64.mix(key + 1)) {
            int before = index.size();
            int id = index.add(key);
            if (id == before) {
                store(id, src.substring(from, to), h);
                return id;
            }
            String t = texts[id];
            if (t.length() == to - from && src.startsWith(t, from)) {
                counts[id]++;
                return id;
            }
        }
    }

    /** The id of text, or -1 if it was never added. */
    int find(String text) {
        for (long key = Hash64.of(text); ; key = Hash64.mix(key + 1)) {
            int id = index.find(key);
            if (id < 0 || texts[id].equals(text)) {
                return id;
            }
        }
    }

    private void store(int id, String text, long h) {
        if (id == texts.length) {
            int cap = id * 2;
            texts = Arrays.copyOf(texts, cap);
            hashes = Arrays.copyOf(hashes, cap);
            counts = Arrays.copyOf(counts, cap);
        }
        texts[id] = text;
        hashes[id] = h;
        counts[id] = 1;
    }

    /** The texts, sorted. */
    String[] sortedTexts() {
        String[] out = Arrays.copyOf(texts, size());
        StringSort.sort(out);
        return out;
    }
}
