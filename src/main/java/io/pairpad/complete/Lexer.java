package io.pairpad.complete;

/**
 * Splits a text into tokens that cover it entirely. Never fails: what it does not
 * recognise becomes a one-character operator. Subclasses handle each language's
 * comments, strings and operators; this class holds the scanning they share.
 */
abstract class Lexer {

    /** Lexes the whole text. */
    final Tokens lex(String src) {
        Tokens out = new Tokens(src);
        new Scan(src, out).run(this);
        return out;
    }

    /**
     * Lexes src reusing the tokens of old, a text that shares its first {@code prefix} and last
     * {@code suffix} characters with src: old tokens are kept up to the last top-level line break
     * before the change, the text is lexed again from there, and as soon as lexing reaches a
     * top-level line break inside the unchanged end that old also has (same place from the end,
     * same token before it), the rest of old's tokens are taken over, shifted.
     */
    final Tokens relex(String src, Tokens old, int prefix, int suffix) {
        String o = old.src;
        int shift = src.length() - o.length();
        // restart after the last top-level NEWLINE ending at or before the common prefix
        int r = old.indexAt(prefix);
        while (r >= 0 && !(old.kind(r) == TokenKind.NEWLINE && !old.nested(r) && old.end(r) <= prefix)) {
            r--;
        }
        Tokens out = new Tokens(src, old.size() + Math.max(0, shift) + 64);
        out.append(old, 0, r + 1, 0);
        Scan s = new Scan(src, out);
        s.pos = r >= 0 ? old.end(r) : 0;
        for (int j = r; j >= 0; j--) {
            if (!TokenKind.isTrivia(old.kind(j))) {
                s.lastKind = old.kind(j);
                s.lastStart = old.start(j);
                s.lastEnd = old.end(j);
                break;
            }
        }
        int suffixStart = src.length() - suffix;
        while (s.pos < s.len) {
            int before = out.size();
            step(s);
            int k = out.size() - 1;
            if (k < before || out.kind(k) != TokenKind.NEWLINE || out.nested(k) || s.nesting != 0
                    || s.lastStart < suffixStart) {
                continue;
            }
            // a top-level line break inside the unchanged end: does old have the same one?
            int oldStart = out.start(k) - shift;
            int j = old.firstAtOrAfter(oldStart);
            if (j < old.size() && old.start(j) == oldStart && old.kind(j) == TokenKind.NEWLINE && !old.nested(j)) {
                int tailNew = out.size();
                out.append(old, j + 1, old.size(), shift);
                out.spliced(new Tokens.Splice(old, r + 1, j + 1, tailNew));
                return out;
            }
        }
        out.spliced(new Tokens.Splice(old, r + 1, old.size(), out.size()));
        return out;
    }

    /**
     * Scans one token at s.pos, adds it to s.out and advances s.pos; returns false when it
     * did not recognise anything (the base then emits a one-character operator).
     */
    abstract boolean scanSpecial(Scan s);

    /** Operators of the language, longest first within each first character. */
    abstract String[] operators();

    boolean isIdentStart(int cp) {
        return Character.isUnicodeIdentifierStart(cp) || cp == '_' || cp == '$';
    }

    boolean isIdentPart(int cp) {
        return Character.isUnicodeIdentifierPart(cp) || cp == '$';
    }

    /** Mutable scanning state over one text. */
    static final class Scan {
        final String src;
        final Tokens out;
        final int len;
        int pos;
        /** Kind and start of the last token that is not space, newline or comment; -1 at the start. */
        byte lastKind = -1;
        int lastStart = -1;
        int lastEnd = -1;
        /** Depth of template-literal or f-string code parts being lexed. */
        int nesting;

        Scan(String src, Tokens out) {
            this.src = src;
            this.out = out;
            this.len = src.length();
        }

        char at(int i) {
            return i < len ? src.charAt(i) : '\0';
        }

        boolean startsWith(String s) {
            return src.startsWith(s, pos);
        }

        void emit(byte kind, int start, int end) {
            emit(kind, start, end, false);
        }

        void emit(byte kind, int start, int end, boolean open) {
            out.add(kind, start, end, open, nesting > 0);
            if (!TokenKind.isTrivia(kind)) {
                lastKind = kind;
                lastStart = start;
                lastEnd = end;
            }
            pos = end;
        }

        boolean lastIs(String text) {
            return lastKind >= 0 && lastEnd - lastStart == text.length() && src.startsWith(text, lastStart);
        }

        String lastText() {
            return lastKind < 0 ? null : src.substring(lastStart, lastEnd);
        }

        void run(Lexer lx) {
            while (pos < len) {
                lx.step(this);
            }
        }
    }

    /** One token from s.pos. */
    final void step(Scan s) {
        int start = s.pos;
        char c = s.src.charAt(start);
        if (c == '\n' || c == '\r') {
            int end = start + 1;
            if (c == '\r' && s.at(end) == '\n') {
                end++;
            }
            s.emit(TokenKind.NEWLINE, start, end);
            return;
        }
        if (isSpace(c)) {
            int end = start + 1;
            while (end < s.len && isSpace(s.src.charAt(end))) {
                end++;
            }
            s.emit(TokenKind.SPACE, start, end);
            return;
        }
        if (scanSpecial(s) && s.pos > start) {
            return;
        }
        s.pos = start;
        if (isDigit(c) || (c == '.' && isDigit(s.at(start + 1)))) {
            s.emit(TokenKind.NUMBER, start, scanNumber(s.src, start));
            return;
        }
        if (c < 128) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c == '$' && dollarInNames())) {
                s.emit(TokenKind.NAME, start, scanIdent(s.src, start));
                return;
            }
            s.emit(TokenKind.OP, start, scanOperator(s, start));
            return;
        }
        int cp = s.src.codePointAt(start);
        if (isIdentStart(cp)) {
            s.emit(TokenKind.NAME, start, scanIdent(s.src, start));
            return;
        }
        s.emit(TokenKind.OP, start, scanOperator(s, start));
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\uFEFF'
                || (c > 127 && c != '\u2028' && c != '\u2029' && Character.isWhitespace(c));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether '$' continues a name (Java, JavaScript). */
    boolean dollarInNames() {
        return true;
    }

    int scanIdent(String src, int start) {
        int i = start + Character.charCount(src.codePointAt(start));
        int len = src.length();
        boolean dollar = dollarInNames();
        while (i < len) {
            char c = src.charAt(i);
            if (c < 128) {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                        || (c == '$' && dollar)) {
                    i++;
                    continue;
                }
                break;
            }
            int cp = src.codePointAt(i);
            if (!isIdentPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Decimal, hex, octal and binary numbers with separators, fractions, exponents and suffixes. */
    static int scanNumber(String src, int start) {
        int len = src.length();
        int i = start;
        char c0 = src.charAt(i);
        char c1 = i + 1 < len ? src.charAt(i + 1) : '\0';
        if (c0 == '0' && "xXbBoO".indexOf(c1) >= 0 && c1 != '\0') {
            i += 2;
            while (i < len && (isHex(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
            return suffix(src, i);
        }
        while (i < len && (isDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '\'')) {
            if (src.charAt(i) == '\'' && !(i + 1 < len && isDigit(src.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i < len && src.charAt(i) == '.') {
            char next = i + 1 < len ? src.charAt(i + 1) : '\0';
            if (isDigit(next)) {
                i++;
                while (i < len && (isDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
            } else if (next != '.' && !Character.isLetter(next) && next != '_' && next != '$') {
                i++;
            }
        }
        if (i < len && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < len && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            if (j < len && isDigit(src.charAt(j))) {
                i = j;
                while (i < len && (isDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
            }
        }
        return suffix(src, i);
    }

    private static int suffix(String src, int i) {
        int len = src.length();
        int k = 0;
        while (i < len && k < 3 && Character.isLetter(src.charAt(i)) && src.charAt(i) < 128) {
            i++;
            k++;
        }
        return i;
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private volatile String[][] opsByChar;

    int scanOperator(Scan s, int start) {
        String[][] table = opsByChar;
        if (table == null) {
            table = new String[128][];
            for (char c = 0; c < 128; c++) {
                java.util.List<String> l = new java.util.ArrayList<>();
                for (String op : operators()) {
                    if (op.charAt(0) == c) {
                        l.add(op);
                    }
                }
                table[c] = l.toArray(new String[0]);
            }
            opsByChar = table;
        }
        char c = s.src.charAt(start);
        if (c < 128) {
            for (String op : table[c]) {
                if (s.src.startsWith(op, start)) {
                    return start + op.length();
                }
            }
        }
        return start + Character.charCount(s.src.codePointAt(start));
    }

    // ---------------------------------------------------------------- shared pieces

    /** A line comment from s.pos to the end of the line. */
    static void lineComment(Scan s) {
        int end = s.pos;
        while (end < s.len && s.src.charAt(end) != '\n' && s.src.charAt(end) != '\r') {
            end++;
        }
        s.emit(TokenKind.COMMENT, s.pos, end, end == s.len);
    }

    /** A block comment opened at s.pos by open, closed by close (or the end of the text). */
    static void blockComment(Scan s, String open, String close) {
        int from = s.pos + open.length();
        int end = s.src.indexOf(close, from);
        if (end < 0) {
            s.emit(TokenKind.COMMENT, s.pos, s.len, true);
        } else {
            s.emit(TokenKind.COMMENT, s.pos, end + close.length());
        }
    }

    /**
     * A quoted string starting at s.pos with its opening quote at quoteAt. Backslash escapes
     * unless raw; a single-line string that meets a line end stops there, unterminated.
     */
    static void quoted(Scan s, int quoteAt, String quote, boolean multiline, boolean escapes) {
        int i = quoteAt + quote.length();
        while (i < s.len) {
            char c = s.src.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
                continue;
            }
            if (s.src.startsWith(quote, i)) {
                s.emit(TokenKind.STRING, s.pos, i + quote.length());
                return;
            }
            if (!multiline && (c == '\n' || c == '\r')) {
                s.emit(TokenKind.STRING, s.pos, i, true);
                return;
            }
            i++;
        }
        s.emit(TokenKind.STRING, s.pos, s.len, true);
    }
}
