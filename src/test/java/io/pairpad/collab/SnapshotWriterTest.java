package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pairpad.TestDatabase;
import io.pairpad.ot.Rope;
import io.pairpad.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checkpoints and snapshots written behind the op log, against a real PostgreSQL. */
class SnapshotWriterTest {
    private final DataSource dataSource = TestDatabase.get().dataSource();
    private final Jdbi jdbi = Jdbi.create(dataSource);
    @RegisterExtension
    final BareRooms rooms = new BareRooms(jdbi);

    private List<String> checkpoints(UUID room) {
        return jdbi.withHandle(h -> h.createQuery("SELECT revision || ':' || code FROM checkpoints"
                + " WHERE room_id = :r ORDER BY revision").bind("r", room).mapTo(String.class).list());
    }

    private Optional<String> snapshot(UUID room) {
        return jdbi.withHandle(h -> h.createQuery("SELECT revision || ':' || code FROM rooms WHERE id = :r")
                .bind("r", room).mapTo(String.class).findOne());
    }

    @Test
    void everyCheckpointIsKeptAndEachRoomsLatestTextBecomesItsSnapshot() throws Exception {
        UUID a = rooms.create();
        UUID b = rooms.create();
        try (SnapshotWriter writer = new SnapshotWriter(dataSource)) {
            writer.checkpoint(a, 100, Rope.of("a at 100"));
            writer.checkpoint(a, 200, Rope.of("a at 200"));
            writer.snapshot(b, 5, Rope.of("b at 5"));
            writer.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of("100:a at 100", "200:a at 200"), checkpoints(a));
        assertEquals(Optional.of("200:a at 200"), snapshot(a));
        assertEquals(List.of(), checkpoints(b), "a snapshot alone is not a checkpoint");
        assertEquals(Optional.of("5:b at 5"), snapshot(b));
    }

    @Test
    void aSnapshotNeverGoesBackToAnEarlierRevision() throws Exception {
        UUID a = rooms.create();
        try (SnapshotWriter writer = new SnapshotWriter(dataSource)) {
            writer.snapshot(a, 10, Rope.of("ten"));
            writer.flush().get(10, TimeUnit.SECONDS);
            writer.checkpoint(a, 7, Rope.of("seven"));
            writer.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(Optional.of("10:ten"), snapshot(a));
        assertEquals(List.of("7:seven"), checkpoints(a));
    }

    @Test
    void aRoomDeletedMeanwhileCostsTheOthersNothing() throws Exception {
        UUID deleted = rooms.create();
        UUID kept = rooms.create();
        jdbi.useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", deleted));
        try (SnapshotWriter writer = new SnapshotWriter(dataSource)) {
            writer.checkpoint(deleted, 100, Rope.of("gone"));
            writer.checkpoint(kept, 100, Rope.of("kept"));
            writer.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(), checkpoints(deleted));
        assertEquals(Optional.empty(), snapshot(deleted));
        assertEquals(List.of("100:kept"), checkpoints(kept));
    }

    @Test
    void theOpLogCheckpointsACommittedOpThatAsksForIt() throws Exception {
        UUID a = rooms.create();
        TextOperation insert = TextOperation.builder().insert("hi").build();
        PendingOp op = new PendingOp(a, 1, "c:1", insert, insert.toJson().toString(), "c", "n", Rope.of("hi"), true, 0);
        List<PendingOp> committed = new ArrayList<>();
        try (OpLog log = new OpLog(dataSource)) {
            log.append(op, new CommitListener() {
                @Override
                public void committed(PendingOp op) {
                    committed.add(op);
                }

                @Override
                public void failed(List<PendingOp> ops, Exception cause) {
                }

                @Override
                public void lostRace(List<PendingOp> ops) {
                }

                @Override
                public boolean accepts(PendingOp op) {
                    return true;
                }
            });
            log.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(op), committed);
        assertEquals(List.of("1:hi"), checkpoints(a));
        assertEquals(Optional.of("1:hi"), snapshot(a));
    }
}
