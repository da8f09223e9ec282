package io.pairpad.complete;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repetition across nearby lines: code often repeats a line's shape (a run of
 * self.assertEqual(...) calls, of case labels, of field declarations). Looks at the lines
 * above the cursor (and a few below) that start with the same tokens as the cursor's line so
 * far, and counts which token came next there; at a line start, counts how sibling lines (same
 * indentation, same block) begin.
 */
final class LineAnalogs {
    static final int LINES_BACK = 80;
    static final int LINES_AHEAD = 20;

    /** Next tokens after the same line start, with counts. */
    final Map<String, Integer> next = new HashMap<>();
    int total;
    /** First tokens of sibling lines, with counts. */
    final Map<String, Integer> siblingFirst = new HashMap<>();
    /** First token of the previous sibling line, or null. */
    String prevFirst;

    LineAnalogs(Document d) {
        Tokens t = d.tokens;
        LineIndex li = d.lines;
        int cl = d.curLine;
        // the cursor line's significant tokens before the word typed
        List<String> cur = new ArrayList<>();
        for (int i = li.firstTok[cl]; i < d.contextEnd && i < li.endTok[cl]; i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                cur.add(ModelStream.text(t, i));
            }
        }
        int indent = d.currentIndent();
        boolean lineStart = cur.isEmpty();
        boolean blockOpen = true;
        for (int l = cl - 1; l >= 0 && cl - l <= LINES_BACK; l--) {
            int ind = li.indent[l];
            if (ind < 0) {
                continue;
            }
            if (lineStart && blockOpen) {
                if (ind < indent) {
                    blockOpen = false;
                } else if (ind == indent) {
                    String f = first(t, li, l);
                    if (f != null) {
                        siblingFirst.merge(f, 1, Integer::sum);
                        if (prevFirst == null) {
                            prevFirst = f;
                        }
                    }
                }
            }
            if (!cur.isEmpty()) {
                match(t, li, l, cur);
            }
        }
        if (!cur.isEmpty()) {
            for (int l = cl + 1; l < li.count && l - cl <= LINES_AHEAD; l++) {
                if (li.indent[l] >= 0) {
                    match(t, li, l, cur);
                }
            }
        }
    }

    private static String first(Tokens t, LineIndex li, int l) {
        for (int i = li.firstTok[l]; i < li.endTok[l]; i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                return ModelStream.text(t, i);
            }
        }
        return null;
    }

    /** If line l starts with the tokens cur, counts the token after them. */
    private void match(Tokens t, LineIndex li, int l, List<String> cur) {
        int k = 0;
        for (int i = li.firstTok[l]; i < li.endTok[l]; i++) {
            if (TokenKind.isTrivia(t.kind(i))) {
                continue;
            }
            if (k == cur.size()) {
                next.merge(ModelStream.text(t, i), 1, Integer::sum);
                total++;
                return;
            }
            if (!t.textEquals(i, cur.get(k))) {
                return;
            }
            k++;
        }
    }
}
