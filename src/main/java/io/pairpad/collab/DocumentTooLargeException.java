package io.pairpad.collab;

/** An op that would grow the document past its limit. */
final class DocumentTooLargeException extends RuntimeException {
    DocumentTooLargeException(String message) {
        super(message, null, false, false);
    }
}
