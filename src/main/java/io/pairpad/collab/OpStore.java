package io.pairpad.collab;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes ops and deletes a deleted room's ops for the op log. Plain JDBC on purpose: this is the hottest path
 * to the database. A batch of ops is one statement that the driver prepares once per connection, and that
 * commits on its own.
 */
final class OpStore {
    /**
     * The inserts of a batch, one statement text per batch size (each prepared once per connection), with every
     * value a parameter of its own: no array literal to build and escape per batch. Rows are inserted in key
     * order: two instances writing batches that share rooms then wait for each other at most, and never
     * deadlock (which PostgreSQL would only break after a second). An op of a room that no longer exists gets
     * a null room id, which fails the statement: the log holds no foreign key (V3), so this check stands in.
     * The lookup is one index-only scan of the rooms' key per row, and takes no lock.
     *
     * <p>A batch is first inserted whole; only when a revision or op id is taken (another instance's op, a
     * resend) is it inserted again skipping conflicts, which costs PostgreSQL a fifth more per commit.
     */
    private static final Map<Integer, String> INSERT_OPS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> INSERT_OPS_SKIPPING_CONFLICTS = new ConcurrentHashMap<>();
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DELETE_OPS = "DELETE FROM operations o USING unnest(?::uuid[], ?::bigint[])"
            + " AS d(room_id, revision) WHERE o.room_id = d.room_id AND o.revision = d.revision";
    private static final String DELETE_ROOM_OPS = "DELETE FROM operations WHERE room_id = ?";

    private final DataSource dataSource;

    private record Key(UUID room, long revision) {
    }

    OpStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code ops} except, in each room, the first op whose revision or op id the log already holds (another
     * instance took it, or it is a resend) and every later op of that room, which was made on top of it. Returns
     * those left out. Throws, storing nothing, when the batch fails for another reason.
     *
     * <p>The batch is first one statement that commits on its own, in one round trip. Only when it conflicts is
     * it inserted again skipping conflicts; then a room's later ops that were inserted after its first conflict
     * are taken out again before the transaction commits.
     */
    List<PendingOp> store(List<PendingOp> ops) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (insertAll(c, ops)) {
                return List.of();
            }
            if (oneOpPerRoom(ops)) {
                Set<Key> inserted = insertSkippingConflicts(c, ops);
                return ops.stream().filter(op -> !inserted.contains(key(op))).toList();
            }
            List<PendingOp> leftOut = new ArrayList<>();
            inTransaction(c, () -> leftOut.addAll(storeInTransaction(c, ops)));
            return leftOut;
        }
    }

    /** Inserts every op, or none and answers false when a revision or op id is taken. */
    private static boolean insertAll(Connection c, List<PendingOp> ops) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(insertSql(INSERT_OPS, ops.size(), ""))) {
            bindOps(insert, ops);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static List<PendingOp> storeInTransaction(Connection c, List<PendingOp> ops) throws SQLException {
        Set<Key> inserted = insertSkippingConflicts(c, ops);
        Map<UUID, Long> firstConflict = new HashMap<>();
        for (PendingOp op : ops) {
            if (!inserted.contains(key(op))) {
                firstConflict.merge(op.roomId(), op.revision(), Math::min);
            }
        }
        List<PendingOp> leftOut = new ArrayList<>();
        List<PendingOp> insertedButLeftOut = new ArrayList<>();
        for (PendingOp op : ops) {
            Long conflict = firstConflict.get(op.roomId());
            if (conflict != null && op.revision() >= conflict) {
                leftOut.add(op);
                if (inserted.contains(key(op))) {
                    insertedButLeftOut.add(op);
                }
            }
        }
        if (!insertedButLeftOut.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_OPS)) {
                delete.setArray(1, array(c, "uuid", insertedButLeftOut, PendingOp::roomId));
                delete.setArray(2, array(c, "int8", insertedButLeftOut, PendingOp::revision));
                delete.executeUpdate();
            }
        }
        return leftOut;
    }

    private static boolean oneOpPerRoom(List<PendingOp> ops) {
        Set<UUID> rooms = new HashSet<>();
        for (PendingOp op : ops) {
            if (!rooms.add(op.roomId())) {
                return false;
            }
        }
        return true;
    }

    private static Set<Key> insertSkippingConflicts(Connection c, List<PendingOp> ops) throws SQLException {
        Set<Key> inserted = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement(insertSql(INSERT_OPS_SKIPPING_CONFLICTS, ops.size(),
                " ON CONFLICT DO NOTHING RETURNING room_id, revision"))) {
            bindOps(insert, ops);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new Key(rows.getObject(1, UUID.class), rows.getLong(2)));
                }
            }
        }
        return inserted;
    }

    /** Deletes every op of a deleted room, including any that were committed while it was being deleted. */
    void deleteOps(UUID room) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(DELETE_ROOM_OPS)) {
            delete.setObject(1, room);
            delete.executeUpdate();
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static Key key(PendingOp op) {
        return new Key(op.roomId(), op.revision());
    }

    private static String insertSql(Map<Integer, String> cache, int rows, String onConflict) {
        return cache.computeIfAbsent(rows, n -> {
            StringBuilder sql = new StringBuilder("INSERT INTO operations (room_id, revision, op_id, op, client_id, name)"
                    + " SELECT (SELECT r.id FROM rooms r WHERE r.id = v.room_id),"
                    + " v.revision, v.op_id, v.op, v.client_id, v.name FROM (VALUES (?::uuid, ?::bigint, ?, ?, ?, ?)");
            sql.append(", (?, ?, ?, ?, ?, ?)".repeat(n - 1));
            return sql.append(") AS v (room_id, revision, op_id, op, client_id, name) ORDER BY 1, 2")
                    .append(onConflict).toString();
        });
    }

    private static void bindOps(PreparedStatement insert, List<PendingOp> ops) throws SQLException {
        int parameter = 1;
        for (PendingOp op : ops) {
            insert.setObject(parameter++, op.roomId());
            insert.setLong(parameter++, op.revision());
            insert.setString(parameter++, op.opId());
            insert.setString(parameter++, op.opJson());
            insert.setString(parameter++, op.clientId());
            insert.setString(parameter++, op.name());
        }
    }

    private static Array array(Connection c, String type, List<PendingOp> ops, Function<PendingOp, Object> field)
            throws SQLException {
        return c.createArrayOf(type, ops.stream().map(field).toArray());
    }
}
