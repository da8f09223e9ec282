package io.pairpad.complete;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the parameters of the function enclosing the cursor: by indentation for Python
 * (the nearest less-indented "def" line), by braces for the others (the nearest unclosed
 * "{" preceded by a parameter list).
 */
final class EnclosingScope {
    private static final int MAX_SCAN_TOKENS = 20_000;

    private EnclosingScope() {
    }

    static Set<String> parameters(Document d) {
        Set<String> out = new HashSet<>();
        int open = d.spec.indentBlocks ? pythonHeader(d) : braceHeader(d);
        if (open < 0) {
            return out;
        }
        collect(d.tokens, open, out);
        return out;
    }

    /** The '(' of the nearest enclosing def's parameters (Python), or -1. */
    private static int pythonHeader(Document d) {
        int indent = d.currentIndent();
        Tokens t = d.tokens;
        for (int l = d.curLine - 1; l >= 0 && d.curLine - l < 3000; l--) {
            int ind = d.lines.indent[l];
            if (ind < 0 || ind >= indent) {
                continue;
            }
            indent = ind;
            int i = firstSignificant(t, d.lines.firstTok[l], d.lines.endTok[l]);
            if (i < 0) {
                continue;
            }
            if (t.textEquals(i, "async")) {
                i = firstSignificant(t, i + 1, d.lines.endTok[l]);
            }
            if (i >= 0 && t.textEquals(i, "def")) {
                for (int j = i + 1; j < d.lines.endTok[l]; j++) {
                    if (t.textEquals(j, "(")) {
                        return j;
                    }
                }
                return -1;
            }
            if (i >= 0 && t.textEquals(i, "class")) {
                return -1;
            }
            if (ind == 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int firstSignificant(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The '(' of the parameter list before the nearest unclosed '{' (brace languages), or -1. */
    private static int braceHeader(Document d) {
        Tokens t = d.tokens;
        int depth = 0;
        int stop = Math.max(0, d.contextEnd - MAX_SCAN_TOKENS);
        for (int i = d.contextEnd - 1; i >= stop; i--) {
            if (t.kind(i) != TokenKind.OP) {
                continue;
            }
            char c = t.firstChar(i);
            if (t.end(i) - t.start(i) != 1) {
                continue;
            }
            if (c == '}') {
                depth++;
            } else if (c == '{') {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                int close = prevSignificant(t, i - 1, stop);
                // skip "throws A, B" / "=>" / return types after ')'
                for (int k = 0; k < 12 && close >= 0 && !t.textEquals(close, ")"); k++) {
                    if (t.textEquals(close, ";") || t.textEquals(close, "}") || t.textEquals(close, "{")) {
                        close = -1;
                        break;
                    }
                    close = prevSignificant(t, close - 1, stop);
                }
                if (close < 0) {
                    continue; // a class, object literal or block without parameters: look further out
                }
                int open = matchOpen(t, close, stop);
                if (open >= 0) {
                    return open;
                }
                return -1;
            }
        }
        return -1;
    }

    private static int prevSignificant(Tokens t, int i, int stop) {
        while (i >= stop && TokenKind.isTrivia(t.kind(i))) {
            i--;
        }
        return i >= stop ? i : -1;
    }

    private static int matchOpen(Tokens t, int close, int stop) {
        int depth = 0;
        for (int i = close; i >= stop; i--) {
            if (t.kind(i) != TokenKind.OP) {
                continue;
            }
            if (t.textEquals(i, ")")) {
                depth++;
            } else if (t.textEquals(i, "(")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Names in the parameter list opened at token open that are followed by , ) = or : at depth 1. */
    private static void collect(Tokens t, int open, Set<String> out) {
        int depth = 0;
        int n = t.size();
        for (int i = open; i < n && i < open + 2000; i++) {
            if (t.kind(i) == TokenKind.OP) {
                char c = t.firstChar(i);
                if (c == '(' || c == '[' || c == '{' || (c == '<' && t.end(i) - t.start(i) == 1)) {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}' || (c == '>' && t.end(i) - t.start(i) == 1)) {
                    depth--;
                    if (depth == 0) {
                        return;
                    }
                }
                continue;
            }
            if (depth == 1 && t.kind(i) == TokenKind.NAME) {
                int j = i + 1;
                while (j < n && TokenKind.isTrivia(t.kind(j))) {
                    j++;
                }
                if (j < n && (t.textEquals(j, ",") || t.textEquals(j, ")") || t.textEquals(j, "=")
                        || t.textEquals(j, ":"))) {
                    String name = t.text(i);
                    if (!name.equals("self") && !name.equals("cls")) {
                        out.add(name);
                    }
                }
            }
        }
    }
}
