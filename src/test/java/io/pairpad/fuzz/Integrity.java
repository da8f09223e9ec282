package io.pairpad.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.TestDatabase;
import io.pairpad.collab.IntegrityCheck;
import io.pairpad.ot.InvalidOperationException;
import io.pairpad.ot.TextOperation;
import io.pairpad.web.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * The integrity check of a room over the public API: its history, read page by page, replayed on its text at
 * revision 0, must give exactly the code and revision that {@code GET /api/rooms/{id}} shows, with no gap
 * and no op that fails to apply. Sampled past revisions must match {@code GET /code?revision=N} too.
 */
public final class Integrity {
    private static final int PAGE = 250;

    private Integrity() {
    }

    /** What the room holds, once checked. */
    public record Checked(String code, long revision, String language) {
    }

    /**
     * The {@code verify} command's check, from the inside: every room's op log replayed against its snapshot
     * and checkpoints in the database.
     */
    public static void verifyAllRooms() {
        IntegrityCheck.Report report = new IntegrityCheck(
                Jdbi.create(TestDatabase.get().dataSource()).installPlugins(), Json.mapper(1 << 20)).run();
        if (!report.ok()) {
            throw new AssertionError("verify found " + report.problems().size() + " problems in " + report.rooms()
                    + " rooms: " + report.problems());
        }
    }

    /** Replays the room's history and fails with a description of the first mismatch. */
    public static Checked check(Api api, String roomId) {
        Api.Reply roomReply = api.get("/api/rooms/" + roomId);
        require(roomReply.status() == 200, roomId, "GET room answered " + roomReply.status() + " " + roomReply.body());
        JsonNode room = roomReply.json();
        String code = room.get("code").textValue();
        long revision = room.get("revision").longValue();

        Api.Reply startReply = api.get("/api/rooms/" + roomId + "/code?revision=0");
        require(startReply.status() == 200, roomId, "GET code at 0 answered " + startReply.status());
        String text = startReply.json().get("code").textValue();

        long step = Math.max(1, revision / 7);
        long at = 0;
        while (true) {
            Api.Reply page = api.get("/api/rooms/" + roomId + "/history?since=" + at + "&limit=" + PAGE);
            require(page.status() == 200, roomId, "GET history since " + at + " answered " + page.status());
            JsonNode operations = page.json().get("operations");
            require(operations != null && operations.isArray(), roomId, "history without operations: " + page.body());
            if (operations.isEmpty()) {
                break;
            }
            require(operations.size() <= PAGE, roomId, "a page longer than its limit: " + operations.size());
            for (JsonNode entry : operations) {
                long entryRevision = entry.path("revision").asLong(-1);
                require(entryRevision == at + 1, roomId, "history jumps from revision " + at + " to " + entryRevision);
                try {
                    text = TextOperation.fromJson(entry.get("op")).apply(text);
                } catch (InvalidOperationException e) {
                    throw new AssertionError("room " + roomId + ": revision " + entryRevision + " does not apply to"
                            + " the text before it: " + e.getMessage());
                }
                at = entryRevision;
                if (at % step == 0 && at < revision) {
                    Api.Reply past = api.get("/api/rooms/" + roomId + "/code?revision=" + at);
                    require(past.status() == 200 && text.equals(past.json().get("code").textValue()), roomId,
                            "GET code at revision " + at + " differs from the replayed history");
                }
            }
        }
        require(at == revision, roomId, "history ends at revision " + at + " but the room is at " + revision
                + " (read again: " + api.get("/api/rooms/" + roomId).json().path("revision") + ")");
        require(text.equals(code), roomId, "replayed history (" + text.length() + " chars) differs from the room's"
                + " code (" + code.length() + " chars) at revision " + revision);
        return new Checked(code, revision, room.get("language").textValue());
    }

    private static void require(boolean condition, String roomId, String message) {
        if (!condition) {
            throw new AssertionError("integrity of room " + roomId + ": " + message);
        }
    }
}
