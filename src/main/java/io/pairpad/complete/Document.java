package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request's document, analysed at the cursor: its tokens and lines, what is being
 * typed (the word prefix, or the inside of a comment or string), the model-stream context
 * before it, and the document's n-gram statistics assembled from cached chunks.
 */
final class Document {
    enum Mode { CODE, COMMENT, STRING, NUMBER }

    static final int MIN_CHUNK_LINES = 24;
    static final int MAX_CHUNK_LINES = 256;

    final LanguageSpec spec;
    final String code;
    final int cursor;
    final Tokens tokens;
    final LineIndex lines;
    final int curLine;
    final Mode mode;
    /** The part of the word being typed before the cursor ("" if none). */
    final String prefix;
    /** Index of the token being typed (the prefix's, or the comment's or string's), or -1. */
    final int prefixTok;
    /** Index of the first token not before the word being typed (where the context ends). */
    final int contextEnd;
    /** The model-stream tokens before the word being typed, oldest first (up to CONTEXT_TOKENS). */
    final List<String> context;
    final DocumentStats stats;

    static final int CONTEXT_TOKENS = 6;
    /** Tokens of the cursor's line (before the cursor) counted per request; a longer line keeps its end. */
    static final int MAX_LIVE_TOKENS = 256;

    Document(LanguageSpec spec, String code, int cursor, ChunkCache cache) {
        this(spec, code, cursor, cache, null, null);
    }

    Document(LanguageSpec spec, String code, int cursor, ChunkCache cache, LexCache lexCache,
             ChunkSet.Recent recentSets) {
        this.spec = spec;
        this.code = code;
        this.cursor = cursor;
        this.tokens = lexCache == null ? spec.lexer.lex(code) : lexCache.lex(spec, code);
        this.lines = tokens.lines();
        this.curLine = lines.lineOf(cursor);

        int i = tokens.indexAt(cursor);
        Mode m = Mode.CODE;
        String p = "";
        int pt = -1;
        int ctxEnd = i + 1;
        if (i >= 0) {
            byte k = tokens.kind(i);
            int end = tokens.end(i);
            if (k == TokenKind.COMMENT && (cursor < end || tokens.open(i) || !tokens.src.startsWith("*/", end - 2)
                    || end - tokens.start(i) < 4)) {
                m = Mode.COMMENT;
            } else if (k == TokenKind.STRING && (cursor < end || tokens.open(i))) {
                m = Mode.STRING;
            } else if (k == TokenKind.NAME) {
                p = code.substring(tokens.start(i), cursor);
                pt = i;
                ctxEnd = i;
            } else if (k == TokenKind.NUMBER) {
                m = Mode.NUMBER;
            }
            if (m == Mode.COMMENT || m == Mode.STRING) {
                pt = i;
                ctxEnd = i;
                int s = cursor;
                while (s > tokens.start(i) && ModelStream.isWordChar(code.charAt(s - 1))) {
                    s--;
                }
                p = code.substring(s, cursor);
            }
        }
        this.mode = m;
        this.prefix = p;
        this.prefixTok = pt;
        this.contextEnd = ctxEnd;
        this.context = contextBefore(ctxEnd);
        List<NgramTable> all = tables(cache);
        NgramTable live = all.remove(all.size() - 1);
        NgramTable[] chunks = all.toArray(new NgramTable[0]);
        ChunkSet base = recentSets == null ? new ChunkSet(chunks) : recentSets.get(chunks);
        this.stats = new DocumentStats(base, live);
    }

    /** Whether nothing but whitespace follows the cursor, as at the end of a pad being written. */
    boolean blankAfterCursor() {
        for (int i = cursor; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Indentation of the cursor's line as typed so far. */
    int currentIndent() {
        return LineIndex.width(tokens, lines.firstTok[curLine]);
    }

    /** Indentation of the last non-blank line before line l, or -1. */
    int prevIndent(int l) {
        for (int j = l - 1; j >= 0; j--) {
            if (lines.indent[j] >= 0) {
                return lines.indent[j];
            }
        }
        return -1;
    }

    /** The last model-stream tokens before token index end, starting with the cursor line's marker. */
    private List<String> contextBefore(int end) {
        List<String> rev = new ArrayList<>();
        int l = curLine;
        int from = Math.min(end, lines.endTok[l]);
        int indent = currentIndent();
        while (l >= 0 && rev.size() < CONTEXT_TOKENS) {
            for (int i = from - 1; i >= lines.firstTok[l] && rev.size() < CONTEXT_TOKENS; i--) {
                byte k = tokens.kind(i);
                if (!TokenKind.isTrivia(k)) {
                    rev.add(ModelStream.text(tokens, i));
                }
            }
            if (rev.size() >= CONTEXT_TOKENS) {
                break;
            }
            int prev = prevIndent(l);
            rev.add(LineIndex.marker(indent, prev));
            // previous non-blank line
            l--;
            while (l >= 0 && lines.indent[l] < 0) {
                l--;
            }
            if (l < 0) {
                break;
            }
            indent = lines.indent[l];
            from = lines.endTok[l];
        }
        Collections.reverse(rev);
        return rev;
    }

    /** Chunk tables for all lines but the cursor's, plus a small table of the cursor line before the word typed. */
    private List<NgramTable> tables(ChunkCache cache) {
        List<NgramTable> out = new ArrayList<>();
        addChunks(0, curLine, cache, out);
        addChunks(curLine + 1, lines.count, cache, out);
        // the cursor's line up to the word being typed: counted fresh
        List<String> live = new ArrayList<>();
        live.add(LineIndex.marker(currentIndent(), prevIndent(curLine)));
        int from = lines.firstTok[curLine];
        int to = Math.min(contextEnd, lines.endTok[curLine]);
        for (int i = Math.max(from, to - MAX_LIVE_TOKENS); i < to; i++) {
            if (!TokenKind.isTrivia(tokens.kind(i))) {
                live.add(ModelStream.text(tokens, i));
            }
        }
        out.add(NgramTable.build(live.toArray(new String[0]), live.size(), new String[0]));
        return out;
    }

    private void addChunks(int from, int to, ChunkCache cache, List<NgramTable> out) {
        int a = from;
        while (a < to) {
            int b = a + 1;
            while (b < to && !(b - a >= MAX_CHUNK_LINES || (b - a >= MIN_CHUNK_LINES && boundaryBefore(b)))) {
                b++;
            }
            final int ca = a;
            final int cb = b;
            int prev = prevIndent(a);
            long h = 0;
            for (int l = a; l < b; l++) {
                h = Hash64.extend(h, lines.hash[l]);
            }
            ChunkCache.Key key = new ChunkCache.Key(spec.name, prev, h, lines.endOff[b - 1] - lines.startOff[a]);
            out.add(cache.get(key, () -> ChunkCounter.count(tokens, lines, ca, cb, prev)));
            a = b;
        }
    }

    /** Content-defined chunk boundaries: a line whose start hashes to 0 mod 64 starts a chunk. */
    private boolean boundaryBefore(int l) {
        return (lines.hash[l] & 63) == 0;
    }
}
