package io.pairpad.complete;

import java.util.Arrays;

/**
 * Counts the n-gram table of some lines of a document straight from its tokens: the same table
 * as {@link NgramTable#build} of the lines' {@link ModelStream}, without making a string for
 * every token and word seen, only one for every distinct one.
 */
final class ChunkCounter implements ModelStream.Sink {
    private final TokenIds ids;
    private final TokenIds words = new TokenIds(64);
    private int[] seq;
    private int n;

    private ChunkCounter(int expected) {
        ids = new TokenIds(expected / 8);
        seq = new int[expected];
    }

    /** The table of lines [from, to), the first one's marker taken relative to prevIndent. */
    static NgramTable count(Tokens t, LineIndex lines, int from, int to, int prevIndent) {
        ChunkCounter c = new ChunkCounter(lines.endTok[to - 1] - lines.firstTok[from] + to - from);
        ModelStream.walk(t, lines, from, to, prevIndent, c);
        return NgramTable.count(c.ids, c.seq, c.n, c.words.sortedTexts());
    }

    @Override
    public void constant(String text) {
        append(ids.add(text));
    }

    @Override
    public void token(String src, int from, int to) {
        append(ids.add(src, from, to));
    }

    @Override
    public void word(String src, int from, int to) {
        words.add(src, from, to);
    }

    private void append(int id) {
        if (n == seq.length) {
            seq = Arrays.copyOf(seq, Math.max(16, 2 * n));
        }
        seq[n++] = id;
    }
}
