package io.pairpad.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomIdsTest {

    @Test
    void onlyCanonicalUuidsNameRooms() {
        UUID id = UUID.randomUUID();
        assertEquals(id, RoomIds.parse(id.toString()).orElseThrow());
        assertTrue(RoomIds.parse("0-0-0-0-0").isEmpty());
        assertTrue(RoomIds.parse(id.toString().replace("-", "")).isEmpty());
        assertTrue(RoomIds.parse(id + " ").isEmpty());
        assertTrue(RoomIds.parse(null).isEmpty());
    }

    @Test
    void logsKeepEightCharactersOfAnId() {
        assertEquals("/api/rooms/3f2c8a3e…/history",
                RoomIds.redact("/api/rooms/3f2c8a3e-1111-4222-8333-444455556666/history"));
        assertEquals("3f2c8a3e", RoomIds.forLog(UUID.fromString("3f2c8a3e-1111-4222-8333-444455556666")));
    }
}
