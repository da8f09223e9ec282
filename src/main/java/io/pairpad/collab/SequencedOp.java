package io.pairpad.collab;

import io.pairpad.ot.TextOperation;

/** An op with the revision it made and who made it ({@code clientId} and {@code name} are null for the server). */
record SequencedOp(long revision, String opId, TextOperation op, String clientId, String name) {
}
