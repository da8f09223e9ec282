package io.pairpad.collab;

import io.pairpad.ot.Rope;
import io.pairpad.ot.TextOperation;
import java.util.UUID;

/**
 * An op that its room has sequenced but the database has not yet committed. {@code textAfter} is the room's
 * text once it is applied: the rope is persistent, so holding it costs nothing. With {@code checkpoint}, that
 * text is also stored as a checkpoint and as the room's snapshot. {@code epoch} tells a sequencing that lost a
 * race to another instance (and was redone) from the current one.
 */
public record PendingOp(
        UUID roomId,
        long revision,
        String opId,
        TextOperation op,
        String opJson,
        String clientId,
        String name,
        Rope textAfter,
        boolean checkpoint,
        long epoch) {
}
