package io.pairpad.rooms;

import io.pairpad.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Room ids as the outside gives them: anything that is not a canonical UUID names no room. */
public final class RoomIds {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RoomIds() {
    }

    public static Optional<UUID> parse(String raw) {
        if (raw == null || !CANONICAL_UUID.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(raw));
    }

    public static UUID require(String raw) {
        return parse(raw).orElseThrow(() -> ApiException.roomNotFound(raw));
    }

    /** The first 8 characters: enough to follow a room in the logs without leaking its key. */
    public static String forLog(UUID id) {
        return id.toString().substring(0, 8);
    }
}
