package io.pairpad.complete;

/** Kinds of lexical tokens, stored as bytes in {@link Tokens}. */
final class TokenKind {
    static final byte NEWLINE = 0;
    static final byte SPACE = 1;
    static final byte COMMENT = 2;
    static final byte STRING = 3;
    static final byte NUMBER = 4;
    static final byte NAME = 5;
    static final byte OP = 6;

    private TokenKind() {
    }

    static boolean isTrivia(byte kind) {
        return kind == NEWLINE || kind == SPACE || kind == COMMENT;
    }

    static String name(byte kind) {
        switch (kind) {
            case NEWLINE: return "newline";
            case SPACE: return "space";
            case COMMENT: return "comment";
            case STRING: return "string";
            case NUMBER: return "number";
            case NAME: return "name";
            default: return "op";
        }
    }
}
