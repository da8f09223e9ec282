package io.pairpad.ot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.Arrays;

/**
 * An edit of a text, in the format and with the algebra of ot.js: a walk over the whole
 * text that retains, inserts and deletes. Lengths count UTF-16 code units. Immutable and
 * always normalised: no empty parts, no two adjacent parts of one kind, and an insert
 * before a delete where both stand at one place.
 */
public final class TextOperation {

    /** Part {@code i} retains {@code parts[i]} when positive, deletes {@code -parts[i]} when negative, inserts {@code inserts[i]} when zero. */
    private final int[] parts;
    private final String[] inserts;
    private final int baseLength;
    private final int targetLength;

    private TextOperation(int[] parts, String[] inserts, int baseLength, int targetLength) {
        this.parts = parts;
        this.inserts = inserts;
        this.baseLength = baseLength;
        this.targetLength = targetLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The result of {@link #transform}: {@code aPrime} applies after {@code b}, {@code bPrime} after {@code a}. */
    public record Transformed(TextOperation aPrime, TextOperation bPrime) {
    }

    /** Length of the texts this operation applies to. */
    public int baseLength() {
        return baseLength;
    }

    /** Length of the texts this operation produces. */
    public int targetLength() {
        return targetLength;
    }

    public boolean isNoop() {
        return parts.length == 0 || (parts.length == 1 && parts[0] > 0);
    }

    int partCount() {
        return parts.length;
    }

    /** Positive: retain; negative: delete; zero: insert {@link #insertAt}. */
    int partAt(int i) {
        return parts[i];
    }

    String insertAt(int i) {
        return inserts[i];
    }

    public String apply(String text) {
        requireBaseLength(text.length());
        StringBuilder out = new StringBuilder(targetLength);
        int position = 0;
        for (int i = 0; i < parts.length; i++) {
            int part = parts[i];
            if (part > 0) {
                out.append(text, position, position + part);
                position += part;
            } else if (part < 0) {
                position -= part;
            } else {
                out.append(inserts[i]);
            }
        }
        return out.toString();
    }

    /** Applies this operation with one rope edit per insert or delete, so its cost does not grow with the text. */
    public Rope apply(Rope text) {
        requireBaseLength(text.length());
        Rope result = text;
        int position = 0;
        for (int i = 0; i < parts.length; i++) {
            int part = parts[i];
            if (part > 0) {
                position += part;
            } else if (part < 0) {
                result = result.delete(position, -part);
            } else {
                result = result.insert(position, inserts[i]);
                position += inserts[i].length();
            }
        }
        return result;
    }

    /** One operation with the effect of this one followed by {@code next}. */
    public TextOperation compose(TextOperation next) {
        if (targetLength != next.baseLength) {
            throw new InvalidOperationException("cannot compose: the first operation produces a text of length "
                    + targetLength + " but the second applies to length " + next.baseLength);
        }
        Builder out = new Builder();
        PartReader first = new PartReader(this);
        PartReader second = new PartReader(next);
        while (!first.done() || !second.done()) {
            if (first.isDelete()) {
                out.delete(first.remaining());
                first.advance(first.remaining());
                continue;
            }
            if (second.isInsert()) {
                out.insert(second.text(second.remaining()));
                second.advance(second.remaining());
                continue;
            }
            int n = Math.min(first.remaining(), second.remaining());
            if (second.isDelete()) {
                if (first.isRetain()) {
                    out.delete(n);
                }
            } else if (first.isRetain()) {
                out.retain(n);
            } else {
                out.insert(first.text(n));
            }
            first.advance(n);
            second.advance(n);
        }
        return out.build();
    }

    /**
     * Transforms two operations made concurrently on one text {@code s} so that
     * {@code bPrime.apply(a.apply(s))} equals {@code aPrime.apply(b.apply(s))}.
     * Where both insert at one place, {@code a}'s text comes first.
     */
    public static Transformed transform(TextOperation a, TextOperation b) {
        if (a.baseLength != b.baseLength) {
            throw new InvalidOperationException("cannot transform: the operations apply to texts of length "
                    + a.baseLength + " and " + b.baseLength);
        }
        Builder aPrime = new Builder();
        Builder bPrime = new Builder();
        PartReader ra = new PartReader(a);
        PartReader rb = new PartReader(b);
        while (!ra.done() || !rb.done()) {
            if (ra.isInsert()) {
                int n = ra.remaining();
                aPrime.insert(ra.text(n));
                bPrime.retain(n);
                ra.advance(n);
                continue;
            }
            if (rb.isInsert()) {
                int n = rb.remaining();
                aPrime.retain(n);
                bPrime.insert(rb.text(n));
                rb.advance(n);
                continue;
            }
            int n = Math.min(ra.remaining(), rb.remaining());
            if (ra.isRetain() && rb.isRetain()) {
                aPrime.retain(n);
                bPrime.retain(n);
            } else if (ra.isDelete() && rb.isRetain()) {
                aPrime.delete(n);
            } else if (ra.isRetain() && rb.isDelete()) {
                bPrime.delete(n);
            }
            ra.advance(n);
            rb.advance(n);
        }
        return new Transformed(aPrime.build(), bPrime.build());
    }

    /** The operation that undoes this one, given the text this one applies to. */
    public TextOperation invert(CharSequence baseText) {
        requireBaseLength(baseText.length());
        Builder inverse = new Builder();
        int position = 0;
        for (int i = 0; i < parts.length; i++) {
            int part = parts[i];
            if (part > 0) {
                inverse.retain(part);
                position += part;
            } else if (part < 0) {
                inverse.insert(baseText.subSequence(position, position - part).toString());
                position -= part;
            } else {
                inverse.delete(inserts[i].length());
            }
        }
        return inverse.build();
    }

    /** Maps a caret or selection end through this operation as ot.js does: text inserted right at it lands before it. */
    public int transformPosition(int index) {
        return transformPosition(index, true);
    }

    /**
     * Maps a position in the base text to the position of the same spot in the target text,
     * so that a caret stays on its character. A position inside deleted text moves to where
     * the deletion was. {@code afterInsertAtIndex} says whether text inserted exactly at the
     * position ends up before it (ot.js behaviour) or after it. An index outside the base
     * text is first clamped to it.
     */
    public int transformPosition(int index, boolean afterInsertAtIndex) {
        int unwalked = Math.max(0, Math.min(index, baseLength));
        int result = unwalked;
        for (int i = 0; i < parts.length && unwalked >= 0; i++) {
            int part = parts[i];
            if (part > 0) {
                unwalked -= part;
            } else if (part < 0) {
                result -= Math.min(unwalked, -part);
                unwalked += part;
            } else if (unwalked > 0 || afterInsertAtIndex) {
                result += inserts[i].length();
            } else {
                break;
            }
        }
        return result;
    }

    /**
     * Reads an operation from its JSON form, normalising adjacent parts of one kind.
     *
     * @throws InvalidOperationException when the JSON is not an array of non-zero integers
     *                                   and non-empty strings within the int range
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TextOperation fromJson(JsonNode json) {
        return OperationJson.read(json);
    }

    @JsonValue
    public ArrayNode toJson() {
        return OperationJson.write(this);
    }

    private void requireBaseLength(int textLength) {
        if (textLength != baseLength) {
            throw new InvalidOperationException("the operation applies to a text of length " + baseLength
                    + " but the text has length " + textLength);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextOperation other
                && Arrays.equals(parts, other.parts)
                && Arrays.equals(inserts, other.inserts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parts) + Arrays.hashCode(inserts);
    }

    /** The JSON form, as sent on the wire. */
    @Override
    public String toString() {
        return toJson().toString();
    }

    /** Builds a normalised operation part by part, merging and reordering as ot.js does. */
    public static final class Builder {

        private int[] parts = new int[8];
        /** A String, or a StringBuilder while consecutive inserts are merged into it. */
        private CharSequence[] inserts = new CharSequence[8];
        private int size;
        private int baseLength;
        private int targetLength;

        private Builder() {
        }

        public Builder retain(int n) {
            if (requireCount(n, "retain") == 0) {
                return this;
            }
            baseLength = add(baseLength, n);
            targetLength = add(targetLength, n);
            if (size > 0 && parts[size - 1] > 0) {
                parts[size - 1] = add(parts[size - 1], n);
            } else {
                push(n, null);
            }
            return this;
        }

        public Builder insert(String text) {
            if (text.isEmpty()) {
                return this;
            }
            targetLength = add(targetLength, text.length());
            if (size > 0 && parts[size - 1] == 0) {
                appendToInsert(size - 1, text);
            } else if (size > 0 && parts[size - 1] < 0) {
                if (size > 1 && parts[size - 2] == 0) {
                    appendToInsert(size - 2, text);
                } else {
                    int delete = parts[size - 1];
                    parts[size - 1] = 0;
                    inserts[size - 1] = text;
                    push(delete, null);
                }
            } else {
                push(0, text);
            }
            return this;
        }

        public Builder delete(int n) {
            if (requireCount(n, "delete") == 0) {
                return this;
            }
            baseLength = add(baseLength, n);
            if (size > 0 && parts[size - 1] < 0) {
                parts[size - 1] = -add(-parts[size - 1], n);
            } else {
                push(-n, null);
            }
            return this;
        }

        public TextOperation build() {
            String[] texts = new String[size];
            for (int i = 0; i < size; i++) {
                if (inserts[i] != null) {
                    texts[i] = inserts[i].toString();
                }
            }
            return new TextOperation(Arrays.copyOf(parts, size), texts, baseLength, targetLength);
        }

        private void appendToInsert(int index, String text) {
            if (inserts[index] instanceof StringBuilder merged) {
                merged.append(text);
            } else {
                inserts[index] = new StringBuilder(inserts[index]).append(text);
            }
        }

        private void push(int part, String insert) {
            if (size == parts.length) {
                parts = Arrays.copyOf(parts, size * 2);
                inserts = Arrays.copyOf(inserts, size * 2);
            }
            parts[size] = part;
            inserts[size] = insert;
            size++;
        }

        private static int requireCount(int n, String kind) {
            if (n < 0) {
                throw new InvalidOperationException(kind + " count must not be negative: " + n);
            }
            return n;
        }

        private static int add(int a, int b) {
            long sum = (long) a + b;
            if (sum > Integer.MAX_VALUE) {
                throw new InvalidOperationException("operation spans more than " + Integer.MAX_VALUE + " characters");
            }
            return (int) sum;
        }
    }
}
