package io.pairpad.complete;

import java.util.List;

/**
 * A configurable lexer for the languages without a dedicated one: which line and block
 * comments, which quotes, raw and verbatim strings, and which extra characters may start
 * or continue a name. Operators are the union of the common C-family, Rust, Go, Ruby,
 * PHP and SQL ones.
 */
final class GenericLexer extends PlainNameLexer {
    private static final String[] OPS = {
        "<<=", ">>=", "...", "..=", "<=>", "===", "!==", "**=", "??=", "||=", "&&=", "->", "=>", "::",
        ":=", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "<<", ">>", "**", "..", "?.", "?:", "!!", "<-",
    };

    /** How one language spells its comments, strings and names. */
    record Config(List<String> lineComments, String blockOpen, String blockClose, String quotes,
                  String multilineQuotes, boolean charLiterals, boolean tripleQuotes, String nameStartExtra,
                  String nameEndExtra, boolean rawStrings) {
    }

    private final Config cfg;

    GenericLexer(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    String[] operators() {
        return OPS;
    }

    @Override
    int scanIdent(String src, int start) {
        int end = super.scanIdent(src, start);
        if (end < src.length() && cfg.nameEndExtra().indexOf(src.charAt(end)) >= 0) {
            char after = end + 1 < src.length() ? src.charAt(end + 1) : '\0';
            if (after != '=' && after != ':') {
                end++;
            }
        }
        return end;
    }

    @Override
    boolean scanSpecial(Scan s) {
        char c = s.src.charAt(s.pos);
        if (cfg.nameStartExtra().indexOf(c) >= 0) {
            int i = s.pos + 1;
            if (c == '@' && s.at(i) == '@') {
                i++;
            }
            if (i < s.len && isIdentStart(s.src.codePointAt(i))) {
                s.emit(TokenKind.NAME, s.pos, scanIdent(s.src, i));
                return true;
            }
        }
        for (String lc : cfg.lineComments()) {
            if (s.startsWith(lc)) {
                if (lc.equals("#") && s.at(s.pos + 1) == '[') {
                    break; // Rust attribute, not a comment
                }
                lineComment(s);
                return true;
            }
        }
        if (cfg.blockOpen() != null && s.startsWith(cfg.blockOpen())) {
            blockComment(s, cfg.blockOpen(), cfg.blockClose());
            return true;
        }
        if (cfg.rawStrings() && rawString(s)) {
            return true;
        }
        if (cfg.tripleQuotes() && c == '"' && s.startsWith("\"\"\"")) {
            quoted(s, s.pos, "\"\"\"", true, true);
            return true;
        }
        if (c == '\'' && cfg.charLiterals()) {
            int end = charLiteralEnd(s);
            if (end > 0) {
                s.emit(TokenKind.STRING, s.pos, end);
                return true;
            }
            return false;
        }
        if (cfg.quotes().indexOf(c) >= 0) {
            boolean multi = cfg.multilineQuotes().indexOf(c) >= 0;
            quoted(s, s.pos, String.valueOf(c), multi, c != '`');
            return true;
        }
        return false;
    }

    /** A char literal closed within a few characters on the same line (so that Rust lifetimes stay operators). */
    private static int charLiteralEnd(Scan s) {
        int i = s.pos + 1;
        int limit = Math.min(s.len, s.pos + 12);
        while (i < limit) {
            char c = s.src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                return i > s.pos + 1 ? i + 1 : -1;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Rust r"..", r#".."#, C# @"..", C++ R"d(..)d". */
    private boolean rawString(Scan s) {
        int p = s.pos;
        char c = s.src.charAt(p);
        if (p > 0 && isIdentPart(s.src.charAt(p - 1))) {
            return false;
        }
        if (c == '@' && s.at(p + 1) == '"') {
            int i = p + 2;
            while (i < s.len) {
                if (s.src.charAt(i) == '"') {
                    if (s.at(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    s.emit(TokenKind.STRING, p, i + 1);
                    return true;
                }
                i++;
            }
            s.emit(TokenKind.STRING, p, s.len, true);
            return true;
        }
        if (c == 'r' && (s.at(p + 1) == '"' || (s.at(p + 1) == '#' && (s.at(p + 2) == '"' || s.at(p + 2) == '#')))) {
            int i = p + 1;
            int hashes = 0;
            while (s.at(i) == '#') {
                hashes++;
                i++;
            }
            if (s.at(i) != '"') {
                return false;
            }
            String close = "\"" + "#".repeat(hashes);
            int end = s.src.indexOf(close, i + 1);
            if (end < 0) {
                s.emit(TokenKind.STRING, p, s.len, true);
            } else {
                s.emit(TokenKind.STRING, p, end + close.length());
            }
            return true;
        }
        if (c == 'R' && s.at(p + 1) == '"') {
            int open = s.src.indexOf('(', p + 2);
            int nl = s.src.indexOf('\n', p + 2);
            if (open < 0 || open - p > 20 || (nl >= 0 && nl < open)) {
                return false;
            }
            String close = ")" + s.src.substring(p + 2, open) + "\"";
            int end = s.src.indexOf(close, open + 1);
            if (end < 0) {
                s.emit(TokenKind.STRING, p, s.len, true);
            } else {
                s.emit(TokenKind.STRING, p, end + close.length());
            }
            return true;
        }
        return false;
    }
}
