package io.pairpad.rooms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pairpad.collab.RoomHistory;
import io.pairpad.collab.StoredOp;
import io.pairpad.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Playback: a room's ops in order, and its text at any revision. */
public final class HistoryController {
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final RoomService rooms;
    private final RoomHistory history;
    private final ObjectMapper mapper;

    public HistoryController(RoomService rooms, RoomHistory history, ObjectMapper mapper) {
        this.rooms = rooms;
        this.history = history;
        this.mapper = mapper;
    }

    public void history(Context ctx) {
        UUID id = RoomIds.require(ctx.pathParam("roomId"));
        long since = longParam(ctx, "since", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        rooms.get(id);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode operations = body.putArray("operations");
        for (StoredOp op : history.page(id, since, limit)) {
            ObjectNode entry = operations.addObject();
            entry.put("revision", op.revision());
            entry.set("op", readOp(op.op()));
            entry.put("clientId", op.clientId());
            entry.put("name", op.name());
            entry.put("at", op.at().toString());
        }
        ctx.json(body);
    }

    public void code(Context ctx) {
        UUID id = RoomIds.require(ctx.pathParam("roomId"));
        Room room = rooms.get(id);
        long revision = longParam(ctx, "revision", room.revision(), 0, room.revision());
        String code = revision == room.revision() ? room.code() : history.codeAt(id, revision);
        ObjectNode body = mapper.createObjectNode();
        body.put("revision", revision);
        body.put("code", code);
        ctx.json(body);
    }

    private com.fasterxml.jackson.databind.JsonNode readOp(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.validation("Query parameter '" + name + "' must be a whole number from " + min
                    + " to " + max);
        }
    }
}
