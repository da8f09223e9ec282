package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Arrays;
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
    static final int MAX_LINE_TOKENS = 64;
    /** The opener of the top level's lines. */
    private static final String TOP = "";

    /** Next tokens after the same line start, with counts. */
    final Map<String, Integer> next = new HashMap<>();
    int total;
    /** First tokens of sibling lines, with counts. */
    final Map<String, Integer> siblingFirst = new HashMap<>();
    /** Whether the cursor (or the word typed) comes first on its line. */
    final boolean lineStart;
    /** First token of the previous sibling line, or null. */
    String prevFirst;
    /**
     * At a line start that opens a block (the next non-blank line is deeper): how the next sibling line after
     * that block begins, its first token or, after a closing brace, the token after it; else null.
     */
    String nextClause;
    /**
     * Right context at a line start: how the next non-blank line's indentation compares with the
     * cursor line's (-1, 0, 1), and for nearby lines, how often each first token came with that
     * same comparison to its next line, and at all.
     */
    int nextDelta = 2;
    /**
     * At a line start: how the lines of nearby blocks opened by a line with the same first token as the
     * cursor's block (or at the top level, when the cursor is there) begin, with counts, and their total.
     */
    final Map<String, Integer> childFirst = new HashMap<>();
    int children;
    final Map<String, Integer> firstWithDelta = new HashMap<>();
    final Map<String, Integer> firstCount = new HashMap<>();
    static final int FOLLOW_WINDOW = 400;

    LineAnalogs(Document d) {
        Tokens t = d.tokens;
        LineIndex li = d.lines;
        int cl = d.curLine;
        // the cursor line's significant tokens before the word typed
        List<String> cur = new ArrayList<>();
        for (int i = li.firstTok[cl]; i < d.contextEnd && i < li.endTok[cl] && cur.size() <= MAX_LINE_TOKENS; i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                cur.add(ModelStream.text(t, i));
            }
        }
        int indent = d.currentIndent();
        lineStart = cur.isEmpty();
        if (cur.size() > MAX_LINE_TOKENS) {
            cur.clear(); // a line this long repeats no other
        }
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
        if (lineStart) {
            countChildren(t, li, cl, indent);
            nextClause = nextSiblingStart(t, li, cl, indent);
            int nl = nextNonBlank(li, cl);
            if (nl >= 0) {
                nextDelta = Integer.signum(li.indent[nl] - indent);
                int from = Math.max(0, cl - FOLLOW_WINDOW);
                int to = Math.min(li.count, cl + FOLLOW_WINDOW / 4);
                for (int l = from; l < to; l++) {
                    if (l == cl || li.indent[l] < 0) {
                        continue;
                    }
                    int n2 = nextNonBlank(li, l);
                    if (n2 < 0) {
                        continue;
                    }
                    String f = first(t, li, l);
                    if (f == null) {
                        continue;
                    }
                    firstCount.merge(f, 1, Integer::sum);
                    if (Integer.signum(li.indent[n2] - li.indent[l]) == nextDelta) {
                        firstWithDelta.merge(f, 1, Integer::sum);
                    }
                }
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

    /** Fills childFirst: the first tokens of the lines whose block opener begins as the cursor line's does. */
    private void countChildren(Tokens t, LineIndex li, int cl, int indent) {
        String parent = indent == 0 ? TOP : opener(t, li, cl, indent);
        if (parent == null) {
            return; // the block's opener is out of reach
        }
        // the open block openers as (indentation, first token), from a line at the top level
        int from = Math.max(0, cl - FOLLOW_WINDOW);
        int reach = Math.max(0, cl - 2 * FOLLOW_WINDOW);
        while (from > reach && li.indent[from] != 0) {
            from--;
        }
        int to = Math.min(li.count, cl + FOLLOW_WINDOW / 4);
        int[] openInd = new int[16];
        String[] openFirst = new String[16];
        int open = 0;
        for (int l = from; l < to; l++) {
            int ind = li.indent[l];
            if (ind < 0) {
                continue;
            }
            while (open > 0 && openInd[open - 1] >= ind) {
                open--;
            }
            String f = first(t, li, l);
            if (f == null) {
                continue;
            }
            String opener = open == 0 ? (ind == 0 ? TOP : null) : openFirst[open - 1];
            if (l != cl && l >= cl - FOLLOW_WINDOW && parent.equals(opener)) {
                childFirst.merge(f, 1, Integer::sum);
                children++;
            }
            if (open == openInd.length) {
                openInd = Arrays.copyOf(openInd, open * 2);
                openFirst = Arrays.copyOf(openFirst, open * 2);
            }
            openInd[open] = ind;
            openFirst[open++] = f;
        }
    }

    /** The first token of the nearest line above line cl indented less than indent, or null if none is near. */
    private static String opener(Tokens t, LineIndex li, int cl, int indent) {
        for (int l = cl - 1; l >= 0 && cl - l <= FOLLOW_WINDOW; l--) {
            if (li.indent[l] >= 0 && li.indent[l] < indent) {
                return first(t, li, l);
            }
        }
        return null;
    }

    private static int nextNonBlank(LineIndex li, int l) {
        for (int k = l + 1; k < li.count && k - l < 50; k++) {
            if (li.indent[k] >= 0) {
                return k;
            }
        }
        return -1;
    }

    private static String nextSiblingStart(Tokens t, LineIndex li, int cl, int indent) {
        boolean deeper = false;
        for (int l = cl + 1; l < li.count && l - cl <= FOLLOW_WINDOW; l++) {
            int ind = li.indent[l];
            if (ind < 0) {
                continue;
            }
            if (ind > indent) {
                deeper = true;
            } else {
                if (ind < indent || !deeper) {
                    return null;
                }
                String f = first(t, li, l);
                return "}".equals(f) ? significant(t, li, l, 1) : f;
            }
        }
        return null;
    }

    private static String first(Tokens t, LineIndex li, int l) {
        return significant(t, li, l, 0);
    }

    /** The n-th (from 0) token of line l that is not trivia, or null. */
    private static String significant(Tokens t, LineIndex li, int l, int n) {
        int seen = 0;
        for (int i = li.firstTok[l]; i < li.endTok[l]; i++) {
            if (!TokenKind.isTrivia(t.kind(i)) && seen++ == n) {
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
