package io.pairpad.web;

/** Shortening of client-supplied strings before they go into messages and logs. */
public final class Names {
    private Names() {
    }

    /** At most {@code max} characters of {@code s}, never splitting a surrogate pair. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
