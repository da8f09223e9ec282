package io.pairpad.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.ot.Rope;
import io.pairpad.ot.TextOperation;
import io.pairpad.rooms.RoomIds;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Replays every room's op log from its first checkpoint and checks that the log has no gaps and that every
 * checkpoint and the snapshot in {@code rooms} say the same as the replay.
 */
public final class IntegrityCheck {
    private static final int PAGE = 5_000;

    private final Jdbi jdbi;
    private final RoomHistory history;

    public IntegrityCheck(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.history = new RoomHistory(jdbi, mapper);
    }

    /** What one run found. */
    public record Report(int rooms, long ops, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Report run() {
        List<UUID> rooms = jdbi.withHandle(h -> h.createQuery("SELECT id FROM rooms ORDER BY id")
                .mapTo(UUID.class).list());
        List<String> problems = new ArrayList<>();
        long ops = 0;
        for (UUID room : rooms) {
            ops += check(room, problems);
        }
        return new Report(rooms.size(), ops, problems);
    }

    private record Snapshot(String code, long revision) {
    }

    private long check(UUID room, List<String> problems) {
        String name = RoomIds.forLog(room);
        TreeMap<Long, String> checkpoints = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT revision, code FROM checkpoints WHERE room_id = :room")
                .bind("room", room)
                .map((rs, ctx) -> checkpoints.put(rs.getLong("revision"), rs.getString("code")))
                .list());
        Snapshot snapshot = jdbi.withHandle(h -> h.createQuery("SELECT code, revision FROM rooms WHERE id = :room")
                .bind("room", room)
                .map((rs, ctx) -> new Snapshot(rs.getString("code"), rs.getLong("revision")))
                .one());
        if (checkpoints.isEmpty()) {
            problems.add("room " + name + ": no checkpoint to replay from");
            return 0;
        }
        long revision = checkpoints.firstKey();
        Rope text = Rope.of(checkpoints.firstEntry().getValue());
        long replayed = 0;
        if (revision == snapshot.revision()) {
            compare(problems, name, "snapshot", revision, text, snapshot.code());
        }
        while (true) {
            List<StoredOp> page = history.page(room, revision, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StoredOp stored : page) {
                if (stored.revision() != revision + 1) {
                    problems.add("room " + name + ": revision " + (revision + 1) + " is missing");
                    return replayed;
                }
                try {
                    TextOperation op = history.parse(stored);
                    text = op.apply(text);
                } catch (RuntimeException e) {
                    problems.add("room " + name + ": op " + stored.revision() + " does not apply: " + e.getMessage());
                    return replayed;
                }
                revision = stored.revision();
                replayed++;
                String checkpoint = checkpoints.get(revision);
                if (checkpoint != null) {
                    compare(problems, name, "checkpoint", revision, text, checkpoint);
                }
                if (revision == snapshot.revision()) {
                    compare(problems, name, "snapshot", revision, text, snapshot.code());
                }
            }
        }
        if (snapshot.revision() > revision) {
            problems.add("room " + name + ": snapshot at revision " + snapshot.revision() + " is past the log's end "
                    + revision);
        }
        return replayed;
    }

    private static void compare(List<String> problems, String room, String what, long revision, Rope replayed,
            String stored) {
        if (!replayed.toString().equals(stored)) {
            problems.add("room " + room + ": " + what + " at revision " + revision + " differs from the replayed log");
        }
    }
}
