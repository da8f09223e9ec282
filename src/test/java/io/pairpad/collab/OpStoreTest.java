package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pairpad.TestDatabase;
import io.pairpad.ot.Rope;
import io.pairpad.ot.TextOperation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The op log's writes against a real PostgreSQL, with other instances' rows already in the way. */
class OpStoreTest {
    private final DataSource dataSource = TestDatabase.get().dataSource();
    private final Jdbi jdbi = Jdbi.create(dataSource);
    private final OpStore store = new OpStore(dataSource);

    @RegisterExtension
    final BareRooms rooms = new BareRooms(jdbi);

    /** An insert of one character at the end, made at {@code revision}. */
    static PendingOp op(UUID room, long revision, String opId) {
        TextOperation insert = TextOperation.builder().retain((int) revision - 1).insert("x").build();
        return new PendingOp(room, revision, opId, insert, insert.toJson().toString(), "c", "n",
                Rope.of("x".repeat((int) revision)), false, 0);
    }

    private List<String> opIds(UUID room) {
        return jdbi.withHandle(h -> h.createQuery("SELECT op_id FROM operations WHERE room_id = :r ORDER BY revision")
                .bind("r", room).mapTo(String.class).list());
    }

    @Test
    void aBatchThatFailsForAnotherReasonStoresNothing() {
        UUID free = rooms.create();
        UUID deleted = rooms.create();
        jdbi.useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", deleted));

        assertThrows(SQLException.class, () -> store.store(List.of(op(free, 1, "f:1"),
                op(deleted, 1, "d:1"))));

        assertEquals(List.of(), opIds(free));
    }

    @Test
    void anOpOfADeletedRoomIsRefused() {
        UUID deleted = rooms.create();
        jdbi.useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", deleted));

        assertThrows(SQLException.class, () -> store.store(List.of(op(deleted, 1, "d:1"))));
        assertThrows(SQLException.class, () -> store.store(List.of(op(deleted, 1, "d:1"),
                op(deleted, 2, "d:2"))));

        assertEquals(List.of(), opIds(deleted));
    }

    @Test
    void forgettingADeletedRoomRemovesTheOpsItsDeletionDidNotSee() throws Exception {
        UUID deleted = rooms.create();
        UUID kept = rooms.create();
        store.store(List.of(op(deleted, 1, "d:1"), op(kept, 1, "k:1")));
        store.store(List.of(op(deleted, 2, "d:2")));
        jdbi.useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", deleted));
        assertEquals(List.of("d:1", "d:2"), opIds(deleted), "without a foreign key the ops outlive their room");

        try (OpLog log = new OpLog(dataSource)) {
            log.forget(deleted);
            log.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of(), opIds(deleted));
        assertEquals(List.of("k:1"), opIds(kept));
    }

    @Test
    void withOneOpPerRoomOnlyTheOpsWhoseRevisionOrIdIsTakenAreLeftOut() throws SQLException {
        UUID lostAtOne = rooms.create();
        UUID lostById = rooms.create();
        UUID free = rooms.create();
        store.store(List.of(op(lostAtOne, 1, "other:1"), op(lostById, 1, "b:1")));

        PendingOp a1 = op(lostAtOne, 1, "a:1");
        PendingOp resent = op(lostById, 2, "b:1");
        PendingOp f1 = op(free, 1, "f:1");
        List<PendingOp> leftOut = store.store(List.of(a1, resent, f1));

        assertEquals(List.of(a1, resent), leftOut);
        assertEquals(List.of("other:1"), opIds(lostAtOne));
        assertEquals(List.of("b:1"), opIds(lostById));
        assertEquals(List.of("f:1"), opIds(free));
    }

    @Test
    void roomsThatLostARevisionAreLeftOutFromTheirFirstConflictOnAndTheOthersAreStored() throws SQLException {
        UUID lostAtTwo = rooms.create();
        UUID lostById = rooms.create();
        UUID free = rooms.create();
        store.store(List.of(op(lostAtTwo, 1, "a:1"), op(lostAtTwo, 2, "other:2"),
                op(lostById, 1, "b:1")));

        PendingOp a2 = op(lostAtTwo, 2, "a:2");
        PendingOp a3 = op(lostAtTwo, 3, "a:3");
        PendingOp resent = op(lostById, 2, "b:1");
        PendingOp f1 = op(free, 1, "f:1");
        PendingOp f2 = op(free, 2, "f:2");
        List<PendingOp> leftOut = store.store(List.of(f1, a2, resent, a3, f2));

        assertEquals(List.of(a2, resent, a3), leftOut);
        assertEquals(List.of("a:1", "other:2"), opIds(lostAtTwo), "a:3 was inserted, then taken out again");
        assertEquals(List.of("b:1"), opIds(lostById));
        assertEquals(List.of("f:1", "f:2"), opIds(free));
    }

    @Test
    void twoInstancesStoringTheSameRoomsInOppositeOrderNeverDeadlock() throws Exception {
        List<UUID> shared = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            shared.add(rooms.create());
        }
        for (int round = 1; round <= 10; round++) {
            long revision = round;
            List<PendingOp> first = new ArrayList<>();
            List<PendingOp> second = new ArrayList<>();
            for (UUID room : shared) {
                first.add(op(room, revision, "a:" + room + ":" + revision));
                second.add(0, op(room, revision, "b:" + room + ":" + revision));
            }
            CompletableFuture<List<PendingOp>> a = CompletableFuture.supplyAsync(() -> storeUnchecked(first));
            CompletableFuture<List<PendingOp>> b = CompletableFuture.supplyAsync(() -> storeUnchecked(second));

            assertEquals(shared.size(), a.get(30, TimeUnit.SECONDS).size() + b.get(30, TimeUnit.SECONDS).size(),
                    "each revision went to exactly one of them, and neither batch failed");
        }
        for (UUID room : shared) {
            assertEquals(10, opIds(room).size());
        }
    }

    private List<PendingOp> storeUnchecked(List<PendingOp> ops) {
        try {
            return store.store(ops);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
