package io.pairpad.complete;

import java.util.HashMap;
import java.util.Map;

/**
 * The tokens of the function enclosing the cursor, the innermost scope of a nested cache model:
 * a name used in this function, or a token that followed the last context tokens here, is likelier
 * than the same counts spread over the file say. Python: from the enclosing def line to the
 * next line indented no deeper; brace languages: from the '{' of the nearest unclosed body that
 * follows a parameter list (not an if, for, while ...) to its '}'. The rest of the cursor's line is left out.
 */
final class FunctionBody {
    static final FunctionBody NONE = new FunctionBody(-1, -1, Map.of());
    /** Tokens looked at past the cursor's line for the end of the body. */
    private static final int MAX_AHEAD = 20_000;
    /** Tokens counted on each side of the cursor. */
    private static final int MAX_COUNTED = 4000;

    /** Token range [start, end) of the body, start -1 if the cursor is in no function. */
    final int start;
    final int end;
    private final Map<String, Integer> names;

    private FunctionBody(int start, int end, Map<String, Integer> names) {
        this.start = start;
        this.end = end;
        this.names = names;
    }

    static FunctionBody of(Document d) {
        int[] range = d.spec.indentBlocks ? pythonBody(d) : braceBody(d);
        if (range == null) {
            return NONE;
        }
        Map<String, Integer> names = new HashMap<>();
        Tokens t = d.tokens;
        for (int i = Math.max(range[0], d.contextEnd - MAX_COUNTED); i < d.contextEnd; i++) {
            countName(t, i, names);
        }
        int after = d.lines.endTok[d.curLine];
        for (int i = after; i < Math.min(range[1], after + MAX_COUNTED); i++) {
            countName(t, i, names);
        }
        return new FunctionBody(range[0], range[1], names);
    }

    boolean contains(int token) {
        return token >= start && token < end;
    }

    /** Occurrences of name w in the body, outside the cursor's line from the cursor on. */
    int count(String w) {
        return names.getOrDefault(w, 0);
    }

    private static void countName(Tokens t, int i, Map<String, Integer> names) {
        if (t.kind(i) == TokenKind.NAME) {
            names.merge(t.text(i), 1, Integer::sum);
        }
    }

    private static int[] pythonBody(Document d) {
        int def = EnclosingScope.defLine(d);
        if (def < 0) {
            return null;
        }
        int indent = d.lines.indent[def];
        int end = d.tokens.size();
        for (int l = d.curLine + 1; l < d.lines.count; l++) {
            int ind = d.lines.indent[l];
            if (ind >= 0 && ind <= indent) {
                end = d.lines.firstTok[l];
                break;
            }
        }
        return new int[] {d.lines.firstTok[def], end};
    }

    private static int[] braceBody(Document d) {
        int[] open = EnclosingScope.functionOpen(d, true);
        if (open == null) {
            return null;
        }
        Tokens t = d.tokens;
        int from = d.lines.endTok[d.curLine];
        int stop = Math.min(t.size(), from + MAX_AHEAD);
        int depth = open[2];
        for (int i = from; i < stop; i++) {
            if (t.kind(i) != TokenKind.OP || t.end(i) - t.start(i) != 1) {
                continue;
            }
            char c = t.firstChar(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth-- == 0) {
                return new int[] {open[1], i + 1};
            }
        }
        return new int[] {open[1], stop};
    }
}
