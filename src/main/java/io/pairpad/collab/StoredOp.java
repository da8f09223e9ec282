package io.pairpad.collab;

import java.time.Instant;

/** One row of the op log; {@code op} is the op's JSON text. */
public record StoredOp(long revision, String opId, String op, String clientId, String name, Instant at) {
}
