package io.pairpad.complete;

/** A lexer for languages whose names are Unicode identifiers with '_' and no '$' (Python and most others). */
abstract class PlainNameLexer extends Lexer {

    @Override
    boolean dollarInNames() {
        return false;
    }

    @Override
    boolean isIdentStart(int cp) {
        return Character.isUnicodeIdentifierStart(cp) || cp == '_';
    }

    @Override
    boolean isIdentPart(int cp) {
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }
}
