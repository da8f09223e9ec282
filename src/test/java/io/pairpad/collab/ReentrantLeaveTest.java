package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.Config;
import io.pairpad.TestDatabase;
import io.pairpad.cluster.LocalBus;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.Json;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Closing a WebSocket can run its close handler at once, on the thread that is sending to it, and so make its
 * participant leave the room in the middle of a broadcast (the WebSocket fuzz found this). Everyone else must
 * still get the message, and the room must go on.
 */
class ReentrantLeaveTest {

    /** A channel that leaves the room as soon as it is sent a message of one type, as a failing socket does. */
    private static final class LeavingChannel implements ClientChannel {
        private final String leaveOn;
        private LiveRoom room;
        private Participant self;

        LeavingChannel(String leaveOn) {
            this.leaveOn = leaveOn;
        }

        @Override
        public void send(String json) {
            if (json.contains("\"type\":\"" + leaveOn + "\"") && room != null) {
                LiveRoom r = room;
                room = null;
                r.leave(self);
            }
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    private static final class ListChannel implements ClientChannel {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void send(String json) {
            messages.add(json);
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    @Test
    void aParticipantLeavingDuringABroadcastDoesNotStopIt() throws Exception {
        DataSource dataSource = TestDatabase.get().dataSource();
        Jdbi jdbi = Jdbi.create(dataSource).installPlugins();
        CollabHub hub = new CollabHub(dataSource, jdbi, Json.mapper(1 << 20), Config.Limits.defaults(), new LocalBus());
        RoomService rooms = new RoomService(jdbi, hub, 1000);
        UUID id = rooms.create(Optional.of("python"), Optional.of("abc")).roomId();

        LeavingChannel leavesOnLanguage = new LeavingChannel("language");
        LeavingChannel leavesOnOp = new LeavingChannel("op");
        ListChannel stays = new ListChannel();
        for (LeavingChannel channel : List.of(leavesOnLanguage, leavesOnOp)) {
            channel.self = new Participant(UUID.randomUUID().toString(), "Leaver", false, channel);
            channel.room = hub.join(id, channel.self).orElseThrow();
        }
        hub.join(id, new Participant("stays", "Stays", false, stays)).orElseThrow();

        rooms.changeLanguage(id, "go", null);
        assertTrue(stays.messages.stream().anyMatch(m -> m.contains("\"language\":\"go\"")),
                "the language change reached the participant after the one that left: " + stays.messages);

        assertEquals(1L, hub.replaceText(id, "abcd").orElseThrow());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stays.messages.stream().noneMatch(m -> m.contains("\"type\":\"op\"")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(stays.messages.stream().anyMatch(m -> m.contains("\"type\":\"op\"")),
                "the op reached the participant after the one that left: " + stays.messages);
        assertEquals(2L, hub.replaceText(id, "abcde").orElseThrow(), "the room goes on");
        assertEquals("abcde", rooms.get(id).code());
        hub.shutdown();
    }
}
