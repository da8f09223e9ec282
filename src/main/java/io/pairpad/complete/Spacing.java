package io.pairpad.complete;

import java.util.Set;

/**
 * Whether a space goes between two tokens written one after the other on a line, for
 * rendering multi-token ghost text: common code style (no space before ")" or ",", none
 * after "(" or ".", spaces around binary operators and after keywords and commas).
 */
final class Spacing {
    /**
     * Keywords written with a space before "(" or "[" (control flow and operators); other words
     * are called or indexed: require(, super(, print(.
     */
    private static final Set<String> BEFORE_PARENTHESIS = Set.of(
            "if", "elif", "for", "while", "switch", "catch", "with", "return", "yield", "await", "async", "in",
            "not", "and", "or", "is", "assert", "except", "del", "raise", "lambda", "synchronized", "typeof",
            "of", "case", "throw", "do", "else", "try", "from", "import", "as", "instanceof", "new", "delete",
            "void");

    private Spacing() {
    }

    static boolean spaced(String a, String b, LanguageSpec spec) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (isAny(b, ")", "]", ",", ";", ".", "?.", "::", "++", "--") || (b.equals(":") && !spec.name.equals("typescript"))) {
            return false;
        }
        if (isAny(a, "(", "[", ".", "?.", "::", "@", "!", "~", "#")) {
            return false;
        }
        if (isAny(b, "(", "[")) {
            return BEFORE_PARENTHESIS.contains(a);
        }
        if (b.equals("{")) {
            return true;
        }
        if (isAny(a, ",", ";", ":")) {
            return true;
        }
        if (a.equals(")") && Predictor.isName(b)) {
            return true;
        }
        if (Predictor.isName(a) && Predictor.isName(b)) {
            return true;
        }
        if (!Predictor.isName(a) && !Predictor.isName(b) && !a.equals(")") && !a.equals("]")) {
            return false;
        }
        // a binary operator on either side
        return isOperator(a) || isOperator(b);
    }

    private static boolean isOperator(String t) {
        return !t.isEmpty() && !Predictor.isName(t) && !Character.isDigit(t.charAt(0)) && t.charAt(0) != '"'
                && t.charAt(0) != '\'' && !isAny(t, "(", ")", "[", "]", "{", "}", ".", ",", ";");
    }

    private static boolean isAny(String s, String... options) {
        for (String o : options) {
            if (s.equals(o)) {
                return true;
            }
        }
        return false;
    }
}
