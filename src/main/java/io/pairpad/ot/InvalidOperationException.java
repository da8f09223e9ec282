package io.pairpad.ot;

/** An operation is malformed, or does not fit the text or operation it is combined with. */
public class InvalidOperationException extends RuntimeException {

    public InvalidOperationException(String message) {
        super(message);
    }
}
