package io.pairpad.ot;

/**
 * An immutable text held as a balanced tree of small leaves. An insert or delete costs
 * about the size of the edit plus the logarithm of the text length, and leaves the
 * original untouched, so readers may keep using a version while a writer moves on.
 * Positions count UTF-16 code units.
 */
public final class Rope implements CharSequence {

    private static final Rope EMPTY = new Rope(RopeNode.EMPTY);

    private final RopeNode root;
    /** The whole text, built on first request; a racy but safe cache, as Strings are immutable. */
    private String text;

    private Rope(RopeNode root) {
        this.root = root;
    }

    public static Rope empty() {
        return EMPTY;
    }

    public static Rope of(String text) {
        return text.isEmpty() ? EMPTY : new Rope(RopeNode.of(text));
    }

    @Override
    public int length() {
        return root.length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= root.length) {
            throw new IndexOutOfBoundsException("index " + index + " outside a text of length " + root.length);
        }
        return RopeNode.charAt(root, index);
    }

    public String substring(int start, int end) {
        checkRange(start, end);
        StringBuilder out = new StringBuilder(end - start);
        if (start < end) {
            root.appendTo(out, start, end);
        }
        return out.toString();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public Rope insert(int position, CharSequence inserted) {
        checkRange(position, position);
        if (inserted.length() == 0) {
            return this;
        }
        if (inserted.length() > Integer.MAX_VALUE - root.length) {
            throw new IllegalArgumentException("a text cannot grow beyond " + Integer.MAX_VALUE + " characters");
        }
        return new Rope(root.insert(position, inserted.toString()));
    }

    public Rope delete(int position, int count) {
        if (count < 0) {
            throw new IndexOutOfBoundsException("cannot delete a negative count " + count);
        }
        checkRange(position, position + count);
        if (count == 0) {
            return this;
        }
        return new Rope(root.delete(position, position + count));
    }

    /** Height of the tree, for checking that it stays shallow. */
    int height() {
        return root.height;
    }

    RopeNode root() {
        return root;
    }

    @Override
    public String toString() {
        String cached = text;
        if (cached == null) {
            cached = substring(0, root.length);
            text = cached;
        }
        return cached;
    }

    private void checkRange(int start, int end) {
        if (start < 0 || end < start || end > root.length) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") outside a text of length " + root.length);
        }
    }
}
