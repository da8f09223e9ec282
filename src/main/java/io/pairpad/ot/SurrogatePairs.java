package io.pairpad.ot;

/**
 * Keeps texts well-formed UTF-16. Positions count code units, so an op could cut an emoji in two; PostgreSQL
 * cannot store half a character, so such ops are refused rather than stored as something else. Its text type
 * cannot hold U+0000 either, so that is refused too.
 */
public final class SurrogatePairs {
    private SurrogatePairs() {
    }

    /** True when {@code op} would cut a surrogate pair of {@code base}, insert half of one, or insert U+0000. */
    public static boolean broken(TextOperation op, CharSequence base) {
        int position = 0;
        for (int i = 0; i < op.partCount(); i++) {
            int part = op.partAt(i);
            if (cutsAt(base, position)) {
                return true;
            }
            if (part == 0) {
                if (!storable(op.insertAt(i))) {
                    return true;
                }
            } else {
                position += Math.abs(part);
            }
        }
        return false;
    }

    /** Well-formed and free of U+0000: a text PostgreSQL can store as it is. */
    public static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\u0000') {
                return false;
            }
        }
        return wellFormed(text);
    }

    public static boolean wellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean cutsAt(CharSequence text, int position) {
        return position > 0 && position < text.length()
                && Character.isHighSurrogate(text.charAt(position - 1))
                && Character.isLowSurrogate(text.charAt(position));
    }
}
