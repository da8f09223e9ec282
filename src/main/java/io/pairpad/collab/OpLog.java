package io.pairpad.collab;

import io.pairpad.ot.Rope;
import io.pairpad.rooms.RoomIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only op log. One writer thread group-commits the ops of all rooms: it takes whatever
 * has queued up while the previous transaction was committing and writes it in one transaction, so the
 * batch grows with the load. Listeners hear of each op only after its commit.
 *
 * <p>Plain JDBC on purpose: this is the hottest path to the database. A batch of ops is one statement that
 * the driver prepares once per connection, and without a checkpoint it commits on its own, in one round trip.
 */
public final class OpLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpLog.class);
    private static final int MAX_BATCH = 512;

    private static final String INSERT_OPS = "INSERT INTO operations (room_id, revision, op_id, op, client_id, name)"
            + " SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])";
    private static final String INSERT_CHECKPOINT = "INSERT INTO checkpoints (room_id, revision, code)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String UPDATE_SNAPSHOT = "UPDATE rooms SET code = ?, revision = ?, updated_at = now()"
            + " WHERE id = ? AND revision < ?";

    private final DataSource dataSource;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private sealed interface Task permits Append, Snapshot, Barrier {
    }

    private record Append(PendingOp op, boolean checkpoint, CommitListener listener) implements Task {
    }

    private record Snapshot(UUID roomId, long revision, Rope text) implements Task {
    }

    private record Barrier(CompletableFuture<Void> done) implements Task {
    }

    public OpLog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::run, "pairpad-oplog");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Queues {@code op} for the next commit. With {@code checkpoint}, the text after it is also stored as a
     * checkpoint and as the room's snapshot.
     */
    public void append(PendingOp op, boolean checkpoint, CommitListener listener) {
        queue.add(new Append(op, checkpoint, listener));
    }

    /** Queues a refresh of the room's snapshot, behind every op queued before it. */
    public void snapshot(UUID roomId, long revision, Rope text) {
        queue.add(new Snapshot(roomId, revision, text));
    }

    /** Completes once everything queued before it has been written or has failed. */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Barrier(done));
        return done;
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Task first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Op log writer failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Task> batch) {
        List<Append> appends = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        List<Barrier> barriers = new ArrayList<>();
        for (Task task : batch) {
            if (task instanceof Append a) {
                appends.add(a);
            } else if (task instanceof Snapshot s) {
                snapshots.add(s);
            } else if (task instanceof Barrier b) {
                barriers.add(b);
            }
        }
        if (!appends.isEmpty()) {
            writeAppends(appends);
        }
        for (Snapshot snapshot : snapshots) {
            writeSnapshot(snapshot);
        }
        barriers.forEach(b -> b.done().complete(null));
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
        try {
            write(appends);
        } catch (SQLException | RuntimeException batchFailure) {
            // One room's failure (a room deleted under its ops, say) must not sink the other rooms' ops.
            for (List<Append> roomAppends : byRoom(appends).values()) {
                writeRoomAlone(roomAppends);
            }
            return;
        }
        notifyCommitted(appends);
    }

    private void writeRoomAlone(List<Append> roomAppends) {
        try {
            write(roomAppends);
        } catch (SQLException | RuntimeException e) {
            List<PendingOp> ops = roomAppends.stream().map(Append::op).toList();
            if (SqlErrors.alreadyStored(e)) {
                roomAppends.get(0).listener().lostRace(ops);
                return;
            }
            UUID room = roomAppends.get(0).op().roomId();
            log.warn("Could not store {} ops of room {}: {}", roomAppends.size(), RoomIds.forLog(room),
                    SqlErrors.describe(e));
            roomAppends.get(0).listener().failed(ops, e);
            return;
        }
        notifyCommitted(roomAppends);
    }

    /** Committed is committed: a listener's own trouble must never lead to writing the ops again. */
    private static void notifyCommitted(List<Append> appends) {
        for (Append a : appends) {
            try {
                a.listener().committed(a.op());
            } catch (RuntimeException e) {
                log.error("Delivering committed op {} of room {} failed", a.op().revision(),
                        RoomIds.forLog(a.op().roomId()), e);
            }
        }
    }

    private static Map<UUID, List<Append>> byRoom(List<Append> appends) {
        Map<UUID, List<Append>> rooms = new LinkedHashMap<>();
        for (Append a : appends) {
            rooms.computeIfAbsent(a.op().roomId(), r -> new ArrayList<>()).add(a);
        }
        return rooms;
    }

    private void write(List<Append> appends) throws SQLException {
        boolean checkpoints = appends.stream().anyMatch(Append::checkpoint);
        try (Connection c = dataSource.getConnection()) {
            if (!checkpoints) {
                insertOps(c, appends);
                return;
            }
            c.setAutoCommit(false);
            try {
                insertOps(c, appends);
                for (Append a : appends) {
                    if (a.checkpoint()) {
                        insertCheckpoint(c, a.op());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void insertOps(Connection c, List<Append> appends) throws SQLException {
        int n = appends.size();
        UUID[] rooms = new UUID[n];
        Long[] revisions = new Long[n];
        String[] opIds = new String[n];
        String[] ops = new String[n];
        String[] clientIds = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            PendingOp op = appends.get(i).op();
            rooms[i] = op.roomId();
            revisions[i] = op.revision();
            opIds[i] = op.opId();
            ops[i] = op.opJson();
            clientIds[i] = op.clientId();
            names[i] = op.name();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_OPS)) {
            insert.setArray(1, c.createArrayOf("uuid", rooms));
            insert.setArray(2, c.createArrayOf("int8", revisions));
            insert.setArray(3, c.createArrayOf("text", opIds));
            insert.setArray(4, c.createArrayOf("text", ops));
            insert.setArray(5, c.createArrayOf("text", clientIds));
            insert.setArray(6, c.createArrayOf("text", names));
            insert.executeUpdate();
        }
    }

    private static void insertCheckpoint(Connection c, PendingOp op) throws SQLException {
        String code = op.textAfter().toString();
        try (PreparedStatement insert = c.prepareStatement(INSERT_CHECKPOINT)) {
            insert.setObject(1, op.roomId());
            insert.setLong(2, op.revision());
            insert.setString(3, code);
            insert.executeUpdate();
        }
        updateSnapshot(c, op.roomId(), op.revision(), code);
    }

    private void writeSnapshot(Snapshot snapshot) {
        try (Connection c = dataSource.getConnection()) {
            updateSnapshot(c, snapshot.roomId(), snapshot.revision(), snapshot.text().toString());
        } catch (SQLException | RuntimeException e) {
            // The log holds every op; a missed snapshot only makes the next load replay a little more.
            log.warn("Could not refresh the snapshot of room {}: {}", RoomIds.forLog(snapshot.roomId()),
                    SqlErrors.describe(e));
        }
    }

    private static void updateSnapshot(Connection c, UUID room, long revision, String code) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_SNAPSHOT)) {
            update.setString(1, code);
            update.setLong(2, revision);
            update.setObject(3, room);
            update.setLong(4, revision);
            update.executeUpdate();
        }
    }

    /** Stops after writing everything already queued. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
