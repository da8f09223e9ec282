package io.pairpad.collab;

import io.pairpad.ot.Rope;
import io.pairpad.rooms.RoomIds;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only op log. One writer thread group-commits the ops of all rooms: it takes whatever
 * has queued up while the previous transaction was committing and writes it in one transaction, so the
 * batch grows with the load. Listeners hear of each op only after its commit, from a {@link CommitDelivery},
 * so the next commit need not wait for the last one's messages. Checkpoints and snapshots are written behind
 * it by a {@link SnapshotWriter}, off the path of an edit's ack.
 */
public final class OpLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpLog.class);
    private static final int MAX_BATCH = 512;

    private final OpStore store;
    private final SnapshotWriter snapshots;
    private final CommitDelivery delivery;
    private final BatchingThread<Task> writer;

    private sealed interface Task permits Append, Forget {
    }

    private record Append(PendingOp op, CommitListener listener) implements Task {
    }

    private record Forget(UUID roomId) implements Task {
    }

    public OpLog(DataSource dataSource) {
        this.store = new OpStore(dataSource);
        this.snapshots = new SnapshotWriter(dataSource);
        this.delivery = new CommitDelivery();
        this.writer = new BatchingThread<>("pairpad-oplog", MAX_BATCH, this::process);
    }

    /** Queues {@code op} for the next commit. */
    public void append(PendingOp op, CommitListener listener) {
        writer.add(new Append(op, listener));
    }

    /** Queues a refresh of the room's snapshot to a committed revision. */
    public void snapshot(UUID roomId, long revision, Rope text) {
        snapshots.snapshot(roomId, revision, text);
    }

    /**
     * Queues the deletion of a deleted room's ops. Queued once the room takes no more ops, it runs after every
     * batch that may still hold one: a batch whose room check passed just before the room's delete committed
     * leaves ops that nothing else would remove.
     */
    public void forget(UUID roomId) {
        writer.add(new Forget(roomId));
    }

    /**
     * Completes once everything queued before it has been written (or has failed) and delivered, and the
     * snapshots it led to have been written.
     */
    public CompletableFuture<Void> flush() {
        return writer.flush().thenCompose(written -> delivery.flush()).thenCompose(delivered -> snapshots.flush());
    }

    private void process(List<Task> batch) {
        List<Append> appends = new ArrayList<>();
        List<Forget> forgets = new ArrayList<>();
        for (Task task : batch) {
            if (task instanceof Append a) {
                appends.add(a);
            } else if (task instanceof Forget f) {
                forgets.add(f);
            }
        }
        if (!appends.isEmpty()) {
            writeAppends(appends);
        }
        for (Forget forget : forgets) {
            deleteOps(forget.roomId());
        }
    }

    private void writeAppends(List<Append> all) {
        List<Append> appends = new ArrayList<>();
        for (Append a : all) {
            if (a.listener().accepts(a.op())) {
                appends.add(a);
            }
        }
        if (appends.isEmpty()) {
            return;
        }
        List<PendingOp> leftOut;
        try {
            leftOut = store.store(ops(appends));
        } catch (SQLException | RuntimeException batchFailure) {
            // One room's failure (a room deleted under its ops, say) must not sink the other rooms' ops.
            for (List<Append> roomAppends : byRoom(appends).values()) {
                writeRoomAlone(roomAppends);
            }
            return;
        }
        stored(appends, leftOut);
    }

    private void writeRoomAlone(List<Append> roomAppends) {
        List<PendingOp> leftOut;
        try {
            leftOut = store.store(ops(roomAppends));
        } catch (SQLException | RuntimeException e) {
            UUID room = roomAppends.get(0).op().roomId();
            log.warn("Could not store {} ops of room {}: {}", roomAppends.size(), RoomIds.forLog(room),
                    SqlErrors.describe(e));
            awaitDelivery();
            roomAppends.get(0).listener().failed(ops(roomAppends), e);
            return;
        }
        stored(roomAppends, leftOut);
    }

    /**
     * The ops not {@code leftOut} are committed; the rooms whose ops were left out lost a race to another
     * instance (or resent an op the log holds) and are told so. Called after the write, never inside its
     * error handling: a listener's failure must not lead to writing committed ops again.
     */
    private void stored(List<Append> appends, List<PendingOp> leftOut) {
        Set<PendingOp> lost = Collections.newSetFromMap(new IdentityHashMap<>());
        lost.addAll(leftOut);
        notifyCommitted(lost.isEmpty() ? appends : appends.stream().filter(a -> !lost.contains(a.op())).toList());
        if (lost.isEmpty()) {
            return;
        }
        awaitDelivery();
        for (List<Append> roomAppends : byRoom(appends).values()) {
            List<PendingOp> roomLost = ops(roomAppends).stream().filter(lost::contains).toList();
            if (!roomLost.isEmpty()) {
                try {
                    roomAppends.get(0).listener().lostRace(roomLost);
                } catch (RuntimeException e) {
                    log.error("Taking back {} ops of room {} failed", roomLost.size(),
                            RoomIds.forLog(roomLost.get(0).roomId()), e);
                }
            }
        }
    }

    private static List<PendingOp> ops(List<Append> appends) {
        return appends.stream().map(Append::op).toList();
    }

    private void notifyCommitted(List<Append> appends) {
        for (Append a : appends) {
            PendingOp op = a.op();
            if (op.checkpoint()) {
                snapshots.checkpoint(op.roomId(), op.revision(), op.textAfter());
            }
            delivery.committed(op, a.listener());
        }
    }

    /**
     * A room told of a failure or a lost race takes back the ops it has not heard committed, so it must first
     * hear of every op committed before. Rare, so the writer may wait.
     */
    private void awaitDelivery() {
        delivery.flush().join();
    }

    private static Map<UUID, List<Append>> byRoom(List<Append> appends) {
        Map<UUID, List<Append>> rooms = new LinkedHashMap<>();
        for (Append a : appends) {
            rooms.computeIfAbsent(a.op().roomId(), r -> new ArrayList<>()).add(a);
        }
        return rooms;
    }

    private void deleteOps(UUID roomId) {
        try {
            store.deleteOps(roomId);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not delete the ops of deleted room {}: {}", RoomIds.forLog(roomId), SqlErrors.describe(e));
        }
    }

    /** Stops after writing everything already queued, and the snapshots it leads to. */
    @Override
    public void close() {
        writer.close();
        delivery.close();
        snapshots.close();
    }
}
