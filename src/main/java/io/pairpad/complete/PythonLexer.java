package io.pairpad.complete;

/**
 * Python: # comments, string prefixes (r, b, u, f and pairs), triple-quoted strings,
 * f-string replacement fields lexed as code, backslash line continuations, and
 * Python's operators. Indentation is read from the NEWLINE and SPACE tokens by
 * {@link ModelStream}.
 */
final class PythonLexer extends PlainNameLexer {
    private static final String[] OPS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    };

    @Override
    String[] operators() {
        return OPS;
    }

    @Override
    boolean scanSpecial(Scan s) {
        char c = s.src.charAt(s.pos);
        if (c == '#') {
            lineComment(s);
            return true;
        }
        if (c == '\\' && (s.at(s.pos + 1) == '\n' || s.at(s.pos + 1) == '\r')) {
            int end = s.pos + 2;
            if (s.at(s.pos + 1) == '\r' && s.at(end) == '\n') {
                end++;
            }
            s.emit(TokenKind.SPACE, s.pos, end);
            return true;
        }
        int q = stringQuoteAt(s);
        if (q >= 0) {
            boolean raw = false;
            boolean fmt = false;
            for (int i = s.pos; i < q; i++) {
                char pc = s.src.charAt(i);
                raw |= pc == 'r' || pc == 'R';
                fmt |= pc == 'f' || pc == 'F';
            }
            char qc = s.src.charAt(q);
            boolean triple = s.at(q + 1) == qc && s.at(q + 2) == qc;
            String quote = triple ? String.valueOf(new char[] {qc, qc, qc}) : String.valueOf(qc);
            if (fmt) {
                fString(s, q, quote, triple, raw);
            } else {
                quotedPy(s, q, quote, triple);
            }
            return true;
        }
        return false;
    }

    /** The offset of the opening quote if a string (with an optional prefix) starts at s.pos; else -1. */
    private static int stringQuoteAt(Scan s) {
        int i = s.pos;
        int k = 0;
        while (k < 2 && i < s.len && "rRbBuUfF".indexOf(s.src.charAt(i)) >= 0) {
            i++;
            k++;
        }
        char c = s.at(i);
        if (c != '\'' && c != '"') {
            return -1;
        }
        if (k > 0 && s.pos > 0 && Character.isUnicodeIdentifierPart(s.src.charAt(s.pos - 1))) {
            return -1;
        }
        return i;
    }

    /** A Python string: escapes always end at the next character, even in raw strings. */
    private static void quotedPy(Scan s, int q, String quote, boolean triple) {
        quoted(s, q, quote, triple, true);
    }

    /**
     * An f-string: literal parts become STRING tokens (the first holds the prefix and
     * quote); each replacement field's expression is lexed as Python code, so that
     * completion works inside it. A format spec after ':' is part of the literal.
     */
    private void fString(Scan s, int q, String quote, boolean triple, boolean raw) {
        int partStart = s.pos;
        int i = q + quote.length();
        while (i < s.len) {
            char c = s.src.charAt(i);
            if (c == '\\' && !raw) {
                i += 2;
                continue;
            }
            if (s.src.startsWith(quote, i)) {
                s.emit(TokenKind.STRING, partStart, i + quote.length());
                return;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                s.emit(TokenKind.STRING, partStart, i, true);
                return;
            }
            if (c == '{') {
                if (s.at(i + 1) == '{') {
                    i += 2;
                    continue;
                }
                s.emit(TokenKind.STRING, partStart, i + 1);
                s.nesting++;
                int after;
                try {
                    after = expression(s, quote, triple);
                } finally {
                    s.nesting--;
                }
                if (after < 0) {
                    return;
                }
                partStart = after;
                i = after;
                if (i < s.len && s.src.charAt(i) == '}') {
                    i++;
                }
                continue;
            }
            i++;
        }
        s.emit(TokenKind.STRING, partStart, s.len, true);
    }

    /**
     * Lexes a replacement field's expression from s.pos. Returns the offset where the
     * literal resumes (at '}' or at the ':' or '!' of a format spec), or -1 when the string
     * ended (closing quote or, for a one-line string, the line end) inside the field.
     */
    private int expression(Scan s, String quote, boolean triple) {
        int depth = 0;
        while (s.pos < s.len) {
            char c = s.src.charAt(s.pos);
            if (depth == 0 && (c == '}' || (c == ':' && s.at(s.pos + 1) != '=')
                    || (c == '!' && s.at(s.pos + 1) != '='))) {
                return s.pos;
            }
            if (depth == 0 && s.src.startsWith(quote, s.pos)) {
                s.emit(TokenKind.STRING, s.pos, s.pos + quote.length());
                return -1;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                return -1;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            step(s);
        }
        return -1;
    }
}
