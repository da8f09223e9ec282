package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The op log tells of commits on a thread of its own, without letting a room hear of them out of order. */
class CommitDeliveryTest {
    private final DataSource dataSource = TestDatabase.get().dataSource();
    private final Jdbi jdbi = Jdbi.create(dataSource);

    @RegisterExtension
    final BareRooms rooms = new BareRooms(jdbi);

    /** Records what it is told; its first committed op is held until {@code release} opens. */
    private static final class HeldListener implements CommitListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void committed(PendingOp op) {
            if (holding.getCount() > 0) {
                holding.countDown();
                await(release);
            }
            heard.add("committed " + op.opId());
        }

        @Override
        public void failed(List<PendingOp> ops, Exception cause) {
            heard.add("failed " + ops.get(0).opId());
        }

        @Override
        public void lostRace(List<PendingOp> ops) {
            heard.add("lost " + ops.get(0).opId());
        }

        @Override
        public boolean accepts(PendingOp op) {
            return true;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int storedOps(UUID room) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM operations WHERE room_id = :r")
                .bind("r", room).mapTo(Integer.class).one());
    }

    @Test
    void theNextCommitDoesNotWaitForTheLastOnesMessages() throws Exception {
        UUID slow = rooms.create();
        UUID next = rooms.create();
        HeldListener listener = new HeldListener();
        try (OpLog log = new OpLog(dataSource)) {
            log.append(OpStoreTest.op(slow, 1, "s:1"), listener);
            await(listener.holding);

            log.append(OpStoreTest.op(next, 1, "n:1"), listener);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (storedOps(next) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, storedOps(next), "committed while the first op's delivery was still held");
            assertEquals(List.of(), listener.heard);

            listener.release.countDown();
            log.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of("committed s:1", "committed n:1"), listener.heard);
    }

    @Test
    void aLostRaceIsToldOnlyAfterEveryEarlierCommit() throws Exception {
        UUID room = rooms.create();
        UUID other = rooms.create();
        jdbi.useHandle(h -> h.execute("INSERT INTO operations (room_id, revision, op_id, op) VALUES (?, 1, 'x:1', '[]')",
                room));
        HeldListener listener = new HeldListener();
        try (OpLog log = new OpLog(dataSource)) {
            log.append(OpStoreTest.op(other, 1, "o:1"), listener);
            await(listener.holding);

            log.append(OpStoreTest.op(room, 1, "r:1"), listener);
            Thread.sleep(300);
            assertEquals(List.of(), listener.heard, "the loss waits for the commit before it to be delivered");

            listener.release.countDown();
            log.flush().get(10, TimeUnit.SECONDS);
        }

        assertEquals(List.of("committed o:1", "lost r:1"), listener.heard);
    }
}
