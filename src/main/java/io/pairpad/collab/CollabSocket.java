package io.pairpad.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.pairpad.Config;
import io.pairpad.Languages;
import io.pairpad.ot.InvalidOperationException;
import io.pairpad.ot.SurrogatePairs;
import io.pairpad.ot.TextOperation;
import io.pairpad.rooms.RoomIds;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.ApiException;
import io.pairpad.web.JsonBody;
import io.pairpad.web.OriginPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket {@code /ws/{roomId}}: binds each connection to its room at the handshake, reads and checks
 * client messages, and hands them to the room. No message can name another room. Messages are read on the
 * socket selector's thread and handled there unless they may block; see {@link MessageLane}.
 */
public final class CollabSocket {
    private static final Logger log = LoggerFactory.getLogger(CollabSocket.class);
    static final int MAX_NAME_LENGTH = 40;
    private static final int MAX_OP_ID_LENGTH = 64;
    /** Unsent characters one slow client may hold before it is dropped: a few full documents' worth. */
    private static final long MAX_QUEUED_CHARS = 8L * 1024 * 1024;

    private final CollabHub hub;
    private final RoomService roomService;
    private final ObjectMapper mapper;
    private final Messages messages;
    private final OriginPolicy originPolicy;
    private final Config.Limits limits;
    private final Executor workers;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** What one open socket is bound to. */
    private record Connection(String sessionId, UUID roomId, LiveRoom room, Participant participant,
            MessageRateLimiter limiter, MessageLane lane) {
    }

    /** {@code workers} run the messages that may block, off the socket selector's thread. */
    public CollabSocket(CollabHub hub, RoomService roomService, ObjectMapper mapper, OriginPolicy originPolicy,
            Config.Limits limits, Executor workers) {
        this.hub = hub;
        this.roomService = roomService;
        this.mapper = mapper;
        this.messages = new Messages(mapper);
        this.originPolicy = originPolicy;
        this.limits = limits;
        this.workers = workers;
    }

    /** Refuses a cross-site upgrade before any WebSocket exists. */
    public void checkOrigin(Context ctx) {
        if (!originPolicy.allows(ctx.header("Origin"), ctx.header("Host"))) {
            throw new ApiException(403, "forbidden", "This origin may not open a pairpad WebSocket");
        }
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::message);
        ws.onBinaryMessage(this::binaryMessage);
        ws.onClose(this::close);
        ws.onError(ctx -> close(ctx));
    }

    private void connect(WsConnectContext ctx) {
        ctx.enableAutomaticPings(30, TimeUnit.SECONDS);
        Optional<UUID> roomId = RoomIds.parse(ctx.pathParam("roomId"));
        if (roomId.isEmpty()) {
            ctx.closeSession(CloseCodes.NO_SUCH_ROOM, "no such room");
            return;
        }
        Participant participant = new Participant(newClientId(), displayName(ctx.queryParam("name")),
                "full".equals(ctx.queryParam("updates")), new WsChannel(ctx.session, MAX_QUEUED_CHARS));
        Optional<LiveRoom> room;
        try {
            room = hub.join(roomId.get(), participant);
        } catch (RuntimeException e) {
            log.warn("Could not open room {}: {}", RoomIds.forLog(roomId.get()), SqlErrors.describe(e));
            participant.send(messages.error("internal", "The room cannot be opened right now; retry shortly"));
            participant.channel().close(CloseCodes.SERVER_ERROR, "storage unavailable");
            return;
        }
        if (room.isEmpty()) {
            ctx.closeSession(CloseCodes.NO_SUCH_ROOM, "no such room");
            return;
        }
        connections.put(ctx.sessionId(), new Connection(ctx.sessionId(), roomId.get(), room.get(), participant,
                new MessageRateLimiter(limits.msgRate(), limits.msgBurst()), new MessageLane(workers)));
    }

    /** Leaves the room after the connection's messages still waiting in its lane. */
    private void close(WsContext ctx) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection != null) {
            connection.lane().run(() -> {
                if (connections.remove(connection.sessionId(), connection)) {
                    connection.room().leave(connection.participant());
                }
            }, false);
        }
    }

    private void close(WsCloseContext ctx) {
        close((WsContext) ctx);
    }

    private void message(WsMessageContext ctx) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection == null || !admit(ctx, connection)) {
            return;
        }
        Participant participant = connection.participant();
        String text = ctx.message();
        if (exceeds(text, limits.maxMessageBytes())) {
            participant.send(messages.error("too_large", "A message may be at most " + limits.maxMessageBytes()
                    + " bytes"));
            disconnect(ctx, connection, CloseCodes.TOO_LARGE, "message too large");
            return;
        }
        ObjectNode message;
        try {
            message = JsonBody.readObject(mapper, text, "message");
        } catch (ApiException e) {
            connection.lane().run(() -> participant.send(messages.error(e.error(), e.getMessage())), false);
            return;
        }
        connection.lane().run(() -> handle(connection, message), mayBlock(connection, message));
    }

    /**
     * Whether handling {@code message} may wait for the database or compute for long: a language change is
     * stored, a whole new text is diffed against the room's (perhaps an old revision of it, read from the log),
     * and an op made on a revision older than the room holds in memory is transformed against the log.
     */
    private static boolean mayBlock(Connection connection, ObjectNode message) {
        JsonNode type = message.get("type");
        String name = type == null ? "" : type.asText();
        return switch (name) {
            case "language", "code_update" -> true;
            case "op" -> {
                JsonNode revision = message.get("revision");
                yield revision != null && revision.canConvertToLong()
                        && connection.room().readsHistoryFor(revision.longValue());
            }
            default -> false;
        };
    }

    /** Handles a message, unless its connection was dropped for abuse while it waited in the lane. */
    private void handle(Connection connection, ObjectNode message) {
        if (connections.get(connection.sessionId()) != connection) {
            return;
        }
        try {
            dispatch(connection, message);
        } catch (ApiException e) {
            connection.participant().send(messages.error(e.error(), e.getMessage()));
        }
    }

    /** A binary frame is no message of the protocol; it is refused, and counts toward the rate limit. */
    private void binaryMessage(WsBinaryMessageContext ctx) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection != null && admit(ctx, connection)) {
            connection.lane().run(() -> connection.participant().send(
                    messages.error("invalid_json", "Messages must be JSON in text frames")), false);
        }
    }

    /** Takes the message from the connection's budget; false, with the client told, when it is over it. */
    private boolean admit(WsContext ctx, Connection connection) {
        Participant participant = connection.participant();
        switch (connection.limiter().take()) {
            case REFUSED -> {
                participant.send(messages.error("rate_limited", "Too many messages: at most " + limits.msgRate()
                        + " per second"));
                return false;
            }
            case OUT_OF_GRACE -> {
                participant.send(messages.error("rate_limited", "Too many messages; disconnecting"));
                disconnect(ctx, connection, CloseCodes.RATE_LIMITED, "rate limited");
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * Closes a connection for abuse. It leaves its room at once, so that the messages it sent before the close
     * reaches it are not acted on: it would never hear of them.
     */
    private void disconnect(WsContext ctx, Connection connection, int code, String reason) {
        if (connections.remove(ctx.sessionId(), connection)) {
            connection.room().leave(connection.participant());
        }
        connection.participant().channel().close(code, reason);
    }

    private void dispatch(Connection connection, ObjectNode message) {
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.validation("Field 'type' is required and must be a string");
        }
        switch (type.textValue()) {
            case "op" -> op(connection, message);
            case "code_update" -> codeUpdate(connection, message);
            case "cursor" -> cursor(connection, message);
            case "language" -> language(connection, message);
            default -> throw new ApiException(400, "unknown_type",
                    "Unknown message type '" + io.pairpad.web.Names.shorten(type.textValue(), 40) + "'");
        }
    }

    private void op(Connection connection, ObjectNode message) {
        long revision = requiredRevision(message);
        String opId = opId(message).orElseThrow(() -> ApiException.validation("Field 'id' is required"));
        JsonNode opJson = message.get("op");
        if (opJson == null) {
            throw ApiException.validation("Field 'op' is required");
        }
        TextOperation op;
        try {
            op = TextOperation.fromJson(opJson);
        } catch (InvalidOperationException e) {
            connection.room().refuse(connection.participant(), "invalid_op", e.getMessage());
            return;
        }
        connection.room().submit(connection.participant(), revision, opId, op);
    }

    private void codeUpdate(Connection connection, ObjectNode message) {
        JsonNode code = message.get("code");
        if (code == null || !code.isTextual()) {
            throw ApiException.validation("Field 'code' is required and must be a string");
        }
        if (code.textValue().length() > limits.maxDocChars()) {
            connection.room().refuse(connection.participant(), "too_large", "The code is "
                    + code.textValue().length() + " characters; the limit is " + limits.maxDocChars());
            return;
        }
        long revision = message.has("revision") ? requiredRevision(message) : -1;
        String opId = opId(message).orElseGet(() -> "update:" + UUID.randomUUID());
        connection.room().submitText(connection.participant(), revision, opId, code.textValue());
    }

    private void cursor(Connection connection, ObjectNode message) {
        int anchor = position(message, "anchor");
        int head = position(message, "head");
        long revision = message.has("revision") ? requiredRevision(message) : -1;
        connection.room().moveCursor(connection.participant(), revision, anchor, head);
    }

    private void language(Connection connection, ObjectNode message) {
        JsonNode language = message.get("language");
        if (language == null || !language.isTextual()) {
            throw ApiException.validation("Field 'language' is required and must be a string");
        }
        if (!Languages.isSupported(language.textValue())) {
            throw ApiException.unsupportedLanguage(language.textValue());
        }
        roomService.changeLanguage(connection.roomId(), language.textValue(), connection.participant().clientId());
    }

    private static long requiredRevision(ObjectNode message) {
        JsonNode revision = message.get("revision");
        if (revision == null || !revision.isIntegralNumber() || !revision.canConvertToLong()
                || revision.longValue() < 0) {
            throw ApiException.validation("Field 'revision' must be a whole number from 0");
        }
        return revision.longValue();
    }

    private static Optional<String> opId(ObjectNode message) {
        JsonNode id = message.get("id");
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        // PostgreSQL refuses U+0000 and stores a lone surrogate as '?', so that two such ids would collide.
        if (!id.isTextual() || id.textValue().isEmpty() || id.textValue().length() > MAX_OP_ID_LENGTH
                || !SurrogatePairs.storable(id.textValue())) {
            throw ApiException.validation("Field 'id' must be a string of 1 to " + MAX_OP_ID_LENGTH
                    + " characters, with no U+0000 and no half of a surrogate pair");
        }
        return Optional.of(id.textValue());
    }

    private static int position(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw ApiException.validation("Field '" + field + "' must be a whole number from 0");
        }
        return value.intValue();
    }

    static String displayName(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            return "Anonymous";
        }
        return io.pairpad.web.Names.shorten(name, MAX_NAME_LENGTH);
    }

    private static String newClientId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static boolean exceeds(String text, int maxBytes) {
        if (text.length() > maxBytes) {
            return true;
        }
        return text.length() * 3L > maxBytes && text.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }
}
