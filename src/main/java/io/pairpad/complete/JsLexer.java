package io.pairpad.complete;

import java.util.Set;

/**
 * JavaScript and TypeScript: comments, a leading #! line, strings, template literals whose
 * ${...} parts are lexed as code (nested to any depth), regular expression literals where an
 * expression may start, #private names and the language's operators.
 */
final class JsLexer extends Lexer {
    private static final String[] OPS = {
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
        "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        "**", "<<", ">>",
    };
    /** After these words a '/' starts a regular expression rather than a division. */
    private static final Set<String> REGEX_AFTER = Set.of(
            "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
            "else", "yield", "await");

    @Override
    String[] operators() {
        return OPS;
    }

    @Override
    boolean scanSpecial(Scan s) {
        char c = s.src.charAt(s.pos);
        char n = s.at(s.pos + 1);
        if (c == '#' && n == '!' && s.pos == 0) {
            lineComment(s);
            return true;
        }
        if (c == '#' && s.pos + 1 < s.len && isIdentStart(s.src.codePointAt(s.pos + 1))) {
            s.emit(TokenKind.NAME, s.pos, scanIdent(s.src, s.pos + 1));
            return true;
        }
        if (c == '/' && n == '/') {
            lineComment(s);
            return true;
        }
        if (c == '/' && n == '*') {
            blockComment(s, "/*", "*/");
            return true;
        }
        if (c == '"' || c == '\'') {
            quoted(s, s.pos, String.valueOf(c), false, true);
            return true;
        }
        if (c == '`') {
            template(s, s.pos);
            return true;
        }
        if (c == '?' && n == '.' && Lexer.isDigit(s.at(s.pos + 2))) {
            s.emit(TokenKind.OP, s.pos, s.pos + 1);
            return true;
        }
        if (c == '/' && regexAllowed(s)) {
            int end = regexEnd(s.src, s.pos);
            if (end > 0) {
                s.emit(TokenKind.STRING, s.pos, end);
                return true;
            }
        }
        return false;
    }

    private static boolean regexAllowed(Scan s) {
        if (s.lastKind < 0) {
            return true;
        }
        if (s.lastKind == TokenKind.OP) {
            return !(s.lastIs(")") || s.lastIs("]") || s.lastIs("}"));
        }
        if (s.lastKind == TokenKind.NAME) {
            return REGEX_AFTER.contains(s.lastText());
        }
        return false;
    }

    /** The end of a regular expression literal starting at '/', or -1 if the line ends first. */
    private static int regexEnd(String src, int start) {
        int i = start + 1;
        boolean inClass = false;
        int len = src.length();
        if (i >= len || src.charAt(i) == '/' || src.charAt(i) == '*') {
            return -1;
        }
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                i++;
                while (i < len && Character.isLetter(src.charAt(i))) {
                    i++;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /**
     * A template literal from its backtick: text parts are STRING tokens (the first holds the
     * backtick, a part before ${ ends with "${"); each ${...} is lexed as code up to its
     * matching brace.
     */
    private void template(Scan s, int start) {
        int partStart = start;
        int i = start + 1;
        while (i < s.len) {
            char c = s.src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                s.emit(TokenKind.STRING, partStart, i + 1);
                return;
            }
            if (c == '$' && s.at(i + 1) == '{') {
                s.emit(TokenKind.STRING, partStart, i + 2);
                s.nesting++;
                int close;
                try {
                    close = substitution(s);
                } finally {
                    s.nesting--;
                }
                if (close < 0) {
                    return;
                }
                partStart = close;
                i = close + 1;
                continue;
            }
            i++;
        }
        s.emit(TokenKind.STRING, partStart, s.len, true);
    }

    /** Lexes the code of a ${...} from s.pos; returns the offset of its closing brace, or -1 at the end of the text. */
    private int substitution(Scan s) {
        int depth = 0;
        while (s.pos < s.len) {
            char c = s.src.charAt(s.pos);
            if (c == '}' && depth == 0) {
                return s.pos;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            step(s);
        }
        return -1;
    }
}
