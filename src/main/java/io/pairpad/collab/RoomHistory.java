package io.pairpad.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.ot.Rope;
import io.pairpad.ot.TextOperation;
import io.pairpad.rooms.Room;
import io.pairpad.rooms.RoomDao;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A room's text at any revision, rebuilt from its snapshot or a checkpoint plus the op log. */
public final class RoomHistory {
    private final RoomDao rooms;
    private final OpDao ops;
    private final ObjectMapper mapper;

    public RoomHistory(Jdbi jdbi, ObjectMapper mapper) {
        this.rooms = jdbi.onDemand(RoomDao.class);
        this.ops = jdbi.onDemand(OpDao.class);
        this.mapper = mapper;
    }

    /** The room as it stands now: its snapshot plus every op committed after it. */
    public Optional<Current> current(UUID roomId) {
        Optional<Room> snapshot = rooms.find(roomId);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Room room = snapshot.get();
        Rope text = Rope.of(room.code());
        long revision = room.revision();
        Instant updatedAt = room.updatedAt();
        for (StoredOp op : ops.after(roomId, revision, Integer.MAX_VALUE)) {
            text = parse(op).apply(text);
            revision = op.revision();
            updatedAt = op.at().isAfter(updatedAt) ? op.at() : updatedAt;
        }
        long checkpoint = ops.checkpointAtOrBefore(roomId, revision).map(OpDao.Checkpoint::revision).orElse(0L);
        return Optional.of(new Current(room, text, revision, checkpoint, updatedAt));
    }

    /** The text at {@code revision}, which must lie between 0 and the room's current revision. */
    public String codeAt(UUID roomId, long revision) {
        OpDao.Checkpoint checkpoint = ops.checkpointAtOrBefore(roomId, revision)
                .orElseThrow(() -> new IllegalStateException("No checkpoint at or before " + revision));
        return replay(roomId, Rope.of(checkpoint.code()), checkpoint.revision(), revision).toString();
    }

    /** The ops after {@code after} up to {@code upTo}, applied to {@code text}. */
    public Rope replay(UUID roomId, Rope text, long after, long upTo) {
        Rope result = text;
        for (StoredOp op : ops.between(roomId, after, upTo)) {
            result = parse(op).apply(result);
        }
        return result;
    }

    public List<StoredOp> opsBetween(UUID roomId, long after, long upTo) {
        return ops.between(roomId, after, upTo);
    }

    public List<StoredOp> page(UUID roomId, long after, int limit) {
        return ops.after(roomId, after, limit);
    }

    public Optional<Long> revisionOf(UUID roomId, String opId) {
        return ops.revisionOf(roomId, opId);
    }

    public TextOperation parse(StoredOp op) {
        try {
            return TextOperation.fromJson(mapper.readTree(op.op()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A room at its latest committed revision. */
    public record Current(Room snapshot, Rope text, long revision, long lastCheckpoint, Instant updatedAt) {
        public Room asRoom(int activeUsers) {
            return new Room(snapshot.roomId(), text.toString(), snapshot.language(), revision, activeUsers,
                    snapshot.createdAt(), updatedAt);
        }
    }
}
