package io.pairpad.complete;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.GZIPInputStream;

/**
 * The prior shipped in the jar for one language: token n-gram counts (contexts of at most 3
 * tokens) over code in which rare names, strings and numbers are replaced by {@link ModelStream#ID},
 * {@link ModelStream#STR} and {@link ModelStream#NUM}. Only its build script reads source files;
 * at run time it is read once from the classpath.
 */
final class PriorModel {
    private static final int MAGIC = 0x50505231; // "PPR1"

    final NgramTable table;
    /** The continuations of each context once asked for: requests ask for the same few over and over. */
    private final AtomicReferenceArray<NextCounts> nextByContext;

    PriorModel(NgramTable table) {
        this.table = table;
        this.nextByContext = new AtomicReferenceArray<>(table.ctxKeys.length);
    }

    /** The abstract form of a stream token: itself if the prior knows it, else its class. */
    String abstractToken(String t) {
        if (ModelStream.isMarker(t) || t.equals(ModelStream.STR)) {
            return t;
        }
        if (Arrays.binarySearch(table.vocab, t) >= 0) {
            return t;
        }
        return classOf(t);
    }

    static String classOf(String t) {
        if (t.isEmpty()) {
            return ModelStream.ID;
        }
        char c = t.charAt(0);
        if (Character.isDigit(c) || (c == '.' && t.length() > 1 && Character.isDigit(t.charAt(1)))) {
            return ModelStream.NUM;
        }
        if (c == '"' || c == '\'' || c == '`' || c == '<' && t.equals(ModelStream.STR)) {
            return ModelStream.STR;
        }
        if (Character.isLetter(c) || c == '_' || c == '$' || c == '@' || c == '#') {
            // a string with a prefix (r"..", f'..', b"..")
            for (int i = 1; i < Math.min(3, t.length()); i++) {
                char q = t.charAt(i);
                if (q == '"' || q == '\'') {
                    return ModelStream.STR;
                }
                if (!Character.isLetter(q)) {
                    break;
                }
            }
            return c == '#' && t.length() > 1 && t.charAt(1) == '!' ? t : ModelStream.ID;
        }
        return t;
    }

    /** Tokens seen after the context (abstracted, oldest first) of its last k tokens. */
    NextCounts next(List<String> absContext, int k) {
        int n = absContext.size();
        if (n < k) {
            return NextCounts.EMPTY;
        }
        long h = 0;
        for (int j = 1; j <= k; j++) {
            h = NgramTable.extendContext(h, Hash64.of(absContext.get(n - j)), j);
        }
        int c = table.context(h);
        if (c < 0) {
            return NextCounts.EMPTY;
        }
        NextCounts known = nextByContext.get(c);
        if (known == null) {
            known = continuations(c);
            nextByContext.set(c, known);
        }
        return known;
    }

    private NextCounts continuations(int c) {
        int from = table.ctxStart[c];
        int to = table.ctxStart[c + 1];
        String[] toks = new String[to - from];
        int[] cs = new int[to - from];
        for (int i = from; i < to; i++) {
            toks[i - from] = table.vocab[table.nextTok[i]];
            cs[i - from] = table.nextCount[i];
        }
        return new NextCounts(toks, cs);
    }

    // ---------------------------------------------------------------- serialisation

    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        NgramTable t = table;
        d.writeInt(MAGIC);
        d.writeInt(t.vocab.length);
        for (String v : t.vocab) {
            d.writeUTF(v);
        }
        for (int c : t.unigram) {
            d.writeInt(c);
        }
        d.writeInt(t.ctxKeys.length);
        for (long k : t.ctxKeys) {
            d.writeLong(k);
        }
        for (int s : t.ctxStart) {
            d.writeInt(s);
        }
        d.writeInt(t.nextTok.length);
        for (int x : t.nextTok) {
            d.writeInt(x);
        }
        for (int x : t.nextCount) {
            d.writeInt(x);
        }
        d.flush();
    }

    static PriorModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a prior");
        }
        int v = d.readInt();
        String[] vocab = new String[v];
        for (int i = 0; i < v; i++) {
            vocab[i] = d.readUTF();
        }
        int[] uni = new int[v];
        for (int i = 0; i < v; i++) {
            uni[i] = d.readInt();
        }
        int c = d.readInt();
        long[] keys = new long[c];
        for (int i = 0; i < c; i++) {
            keys[i] = d.readLong();
        }
        int[] start = new int[c + 1];
        for (int i = 0; i <= c; i++) {
            start[i] = d.readInt();
        }
        int p = d.readInt();
        int[] tok = new int[p];
        for (int i = 0; i < p; i++) {
            tok[i] = d.readInt();
        }
        int[] cnt = new int[p];
        for (int i = 0; i < p; i++) {
            cnt[i] = d.readInt();
        }
        return new PriorModel(new NgramTable(vocab, uni, keys, start, tok, cnt, new String[0]));
    }

    /** The shipped prior of a language from the classpath, or null if there is none. */
    static PriorModel load(String name) {
        if (name == null) {
            return null;
        }
        try (InputStream in = PriorModel.class.getResourceAsStream("/complete/prior-" + name + ".bin.gz")) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            return null;
        }
    }
}
