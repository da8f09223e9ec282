package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.Config;
import io.pairpad.TestDatabase;
import io.pairpad.cluster.LocalBus;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.Json;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Rooms whose typing starts together must not reach their checkpoints together: every one of their writes would
 * land in the same commit, and the edits of every room would wait for it.
 */
class CheckpointSpreadTest {
    private static final int OPS = 450;

    @Test
    void eachCheckpointComesAHundredToAHundredAndNinetyNineOpsAfterTheLastAndRoomsDrift() {
        DataSource dataSource = TestDatabase.get().dataSource();
        Jdbi jdbi = Jdbi.create(dataSource).installPlugins();
        CollabHub hub = new CollabHub(dataSource, jdbi, Json.mapper(1 << 20), Config.Limits.defaults(), new LocalBus());
        RoomService rooms = new RoomService(jdbi, hub, 1000);
        UUID first = rooms.create(Optional.of("python"), Optional.of("")).roomId();
        UUID second = rooms.create(Optional.of("python"), Optional.of("")).roomId();

        for (int i = 1; i <= OPS; i++) {
            assertEquals(i, hub.replaceText(first, "x".repeat(i)).orElseThrow());
            assertEquals(i, hub.replaceText(second, "y".repeat(i)).orElseThrow());
        }
        hub.shutdown();

        List<Long> firstCheckpoints = checkpoints(jdbi, first);
        List<Long> secondCheckpoints = checkpoints(jdbi, second);
        for (List<Long> revisions : List.of(firstCheckpoints, secondCheckpoints)) {
            assertEquals(0L, revisions.get(0), "the room starts with one");
            assertTrue(OPS - revisions.get(revisions.size() - 1) < 200, "none is missing at the end: " + revisions);
            for (int i = 1; i < revisions.size(); i++) {
                long gap = revisions.get(i) - revisions.get(i - 1);
                assertTrue(gap >= 100 && gap <= 199, "gap " + gap + " in " + revisions);
            }
        }
        assertNotEquals(firstCheckpoints, secondCheckpoints, "the gaps are drawn for each room");
        assertEquals("x".repeat(OPS), rooms.get(first).code());
    }

    private static List<Long> checkpoints(Jdbi jdbi, UUID room) {
        return jdbi.withHandle(h -> h.createQuery("SELECT revision FROM checkpoints WHERE room_id = :r ORDER BY revision")
                .bind("r", room).mapTo(Long.class).list());
    }
}
