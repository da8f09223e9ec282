package io.pairpad.ot;

/** Walks the parts of an operation, allowing a part to be consumed a piece at a time. */
final class PartReader {

    private final TextOperation operation;
    private int index;
    /** How much of the current part is already consumed. */
    private int offset;

    PartReader(TextOperation operation) {
        this.operation = operation;
    }

    boolean done() {
        return index == operation.partCount();
    }

    boolean isRetain() {
        return !done() && operation.partAt(index) > 0;
    }

    boolean isDelete() {
        return !done() && operation.partAt(index) < 0;
    }

    boolean isInsert() {
        return !done() && operation.partAt(index) == 0;
    }

    /** What is left of the current part: characters retained, deleted or inserted. */
    int remaining() {
        int part = operation.partAt(index);
        int length = part > 0 ? part : part < 0 ? -part : operation.insertAt(index).length();
        return length - offset;
    }

    /** The next {@code n} inserted characters of the current (insert) part, without consuming them. */
    String text(int n) {
        String insert = operation.insertAt(index);
        return offset == 0 && n == insert.length() ? insert : insert.substring(offset, offset + n);
    }

    void advance(int n) {
        if (n == remaining()) {
            index++;
            offset = 0;
        } else {
            offset += n;
        }
    }
}
