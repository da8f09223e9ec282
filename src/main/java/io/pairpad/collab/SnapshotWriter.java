package io.pairpad.collab;

import io.pairpad.ot.Rope;
import io.pairpad.rooms.RoomIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checkpoints and room snapshots behind the op log, on a thread of its own, so that no edit's ack waits
 * for them. They are derived from committed ops, which alone make an edit durable: one written late, or never
 * (a crash), only makes a later load replay more ops. Whatever has queued up is written in one transaction of
 * two statements, so the rooms that reach a checkpoint together (they do when typing started together) cost
 * one commit, not one each.
 */
final class SnapshotWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final int MAX_BATCH = 256;
    private static final String INSERT_CHECKPOINTS = "INSERT INTO checkpoints (room_id, revision, code)"
            + " SELECT v.room_id, v.revision, v.code FROM unnest(?::uuid[], ?::bigint[], ?::text[])"
            + " AS v (room_id, revision, code) WHERE EXISTS (SELECT 1 FROM rooms r WHERE r.id = v.room_id)"
            + " ON CONFLICT DO NOTHING";
    private static final String UPDATE_SNAPSHOTS = "UPDATE rooms r SET code = v.code, revision = v.revision,"
            + " updated_at = now() FROM unnest(?::uuid[], ?::bigint[], ?::text[]) AS v (room_id, revision, code)"
            + " WHERE r.id = v.room_id AND r.revision < v.revision";

    private final DataSource dataSource;
    private final BatchingThread<Write> writer;

    /** The room's text at a committed revision; with {@code checkpoint} it is also kept as a checkpoint. */
    private record Write(UUID roomId, long revision, Rope text, boolean checkpoint) {
    }

    SnapshotWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new BatchingThread<>("pairpad-snapshots", MAX_BATCH, this::writeAll);
    }

    /** Queues a checkpoint of a committed revision, which also becomes the room's snapshot. */
    void checkpoint(UUID roomId, long revision, Rope text) {
        writer.add(new Write(roomId, revision, text, true));
    }

    /** Queues a refresh of the room's snapshot to a committed revision. */
    void snapshot(UUID roomId, long revision, Rope text) {
        writer.add(new Write(roomId, revision, text, false));
    }

    /** Completes once everything queued before it has been written or has failed. */
    CompletableFuture<Void> flush() {
        return writer.flush();
    }

    private void writeAll(List<Write> writes) {
        try {
            write(writes);
        } catch (SQLException | RuntimeException batchFailure) {
            // One room's trouble (deleted while its checkpoint was queued, say) must not cost the others theirs.
            for (Write w : writes) {
                try {
                    write(List.of(w));
                } catch (SQLException | RuntimeException e) {
                    log.warn("Could not store the snapshot of room {} at revision {}: {}", RoomIds.forLog(w.roomId()),
                            w.revision(), SqlErrors.describe(e));
                }
            }
        }
    }

    /** One transaction: every checkpoint, and each room's latest text as its snapshot, in key order. */
    private void write(List<Write> writes) throws SQLException {
        Comparator<Write> keyOrder = Comparator.comparing(Write::roomId).thenComparingLong(Write::revision);
        List<Write> checkpoints = writes.stream().filter(Write::checkpoint).sorted(keyOrder).toList();
        Map<UUID, Write> latest = new LinkedHashMap<>();
        for (Write w : writes) {
            latest.merge(w.roomId(), w, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        List<Write> snapshots = latest.values().stream().sorted(keyOrder).toList();
        // A checkpoint is usually also its room's snapshot: its text is built once for both statements.
        Map<Write, String> codes = new IdentityHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!checkpoints.isEmpty()) {
                    execute(c, INSERT_CHECKPOINTS, checkpoints, codes);
                }
                execute(c, UPDATE_SNAPSHOTS, snapshots, codes);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void execute(Connection c, String sql, List<Write> writes, Map<Write, String> codes)
            throws SQLException {
        Object[] texts = writes.stream().map(w -> codes.computeIfAbsent(w, x -> x.text().toString())).toArray();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("uuid", writes.stream().map(Write::roomId).toArray()));
            statement.setArray(2, c.createArrayOf("int8", writes.stream().map(Write::revision).toArray()));
            statement.setArray(3, c.createArrayOf("text", texts));
            statement.executeUpdate();
        }
    }

    /** Stops after writing everything already queued. */
    @Override
    public void close() {
        writer.close();
    }
}
