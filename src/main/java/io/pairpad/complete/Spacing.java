package io.pairpad.complete;

/**
 * Whether a space goes between two tokens written one after the other on a line, for
 * rendering multi-token ghost text: common code style (no space before ")" or ",", none
 * after "(" or ".", spaces around binary operators and after keywords and commas).
 */
final class Spacing {
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
            return Predictor.isName(a) && spec.isKeyword(a) && !isAny(a, "this", "super", "self", "function", "print");
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
