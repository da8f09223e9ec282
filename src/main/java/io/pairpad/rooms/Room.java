package io.pairpad.rooms;

import java.time.Instant;
import java.util.UUID;

/** A room as the REST API shows it. */
public record Room(
        UUID roomId,
        String code,
        String language,
        long revision,
        int activeUsers,
        Instant createdAt,
        Instant updatedAt) {
}
