package io.pairpad.complete;

/** Java: line, block and doc comments, text blocks, strings, char literals and Java's operators. */
final class JavaLexer extends Lexer {
    private static final String[] OPS = {
        ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
    };

    @Override
    String[] operators() {
        return OPS;
    }

    @Override
    boolean isIdentStart(int cp) {
        return Character.isJavaIdentifierStart(cp);
    }

    @Override
    boolean isIdentPart(int cp) {
        return Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    @Override
    boolean scanSpecial(Scan s) {
        char c = s.src.charAt(s.pos);
        if (c == '/' && s.at(s.pos + 1) == '/') {
            lineComment(s);
            return true;
        }
        if (c == '/' && s.at(s.pos + 1) == '*') {
            blockComment(s, "/*", "*/");
            return true;
        }
        if (c == '"') {
            if (s.startsWith("\"\"\"")) {
                quoted(s, s.pos, "\"\"\"", true, true);
            } else {
                quoted(s, s.pos, "\"", false, true);
            }
            return true;
        }
        if (c == '\'') {
            quoted(s, s.pos, "'", false, true);
            return true;
        }
        return false;
    }
}
