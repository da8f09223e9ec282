package io.pairpad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pairpad.ot.TextOperation;
import io.pairpad.web.Json;

/**
 * The ot.js client state machine over a real WebSocket: at most one op in flight, later edits composed into
 * a buffer, incoming ops transformed against both. Single-threaded: its owner calls {@link #pump} and
 * {@link #edit} from one thread.
 */
public final class OtClient implements AutoCloseable {
    private static final ObjectMapper JSON = Json.mapper(4 * 1024 * 1024);

    private final WsClient socket;
    private final String idPrefix;
    private String text;
    private long revision;
    private TextOperation outstanding;
    private String outstandingId;
    private long outstandingBase;
    private TextOperation buffer;
    private int nextId;
    private int acked;
    private int transformedAgainstPending;

    public OtClient(WsClient socket, String idPrefix) {
        this.socket = socket;
        this.idPrefix = idPrefix;
        JsonNode init = socket.next("init");
        this.text = init.get("code").textValue();
        this.revision = init.get("revision").longValue();
    }

    public String text() {
        return text;
    }

    public long revision() {
        return revision;
    }

    /** How many of this client's ops the server has acked: its share of the room's revisions. */
    public int acked() {
        return acked;
    }

    /** How many incoming ops crossed one of this client's ops in flight. */
    public int transformedAgainstPending() {
        return transformedAgainstPending;
    }

    public boolean hasPending() {
        return outstanding != null || buffer != null;
    }

    /** A local edit: applied at once, sent now or composed into the buffer. */
    public void edit(TextOperation op) {
        text = op.apply(text);
        if (outstanding == null) {
            outstanding = op;
            outstandingId = idPrefix + ":" + nextId++;
            outstandingBase = revision;
            send();
        } else {
            buffer = buffer == null ? op : buffer.compose(op);
        }
    }

    /** Handles every message that arrives within {@code millis}; returns how many there were. */
    public int pump(long millis) {
        int handled = 0;
        JsonNode message = socket.poll(millis);
        while (message != null) {
            handle(message);
            handled++;
            message = socket.poll(0);
        }
        return handled;
    }

    private void handle(JsonNode message) {
        switch (message.get("type").textValue()) {
            case "ack" -> {
                revision = message.get("revision").longValue();
                acked++;
                outstanding = buffer;
                buffer = null;
                if (outstanding != null) {
                    outstandingId = idPrefix + ":" + nextId++;
                    outstandingBase = revision;
                    send();
                }
            }
            case "op" -> {
                long next = message.get("revision").longValue();
                if (next != revision + 1) {
                    throw new AssertionError("revision gap: had " + revision + ", got " + next);
                }
                revision = next;
                TextOperation op = TextOperation.fromJson(message.get("op"));
                if (outstanding != null) {
                    transformedAgainstPending++;
                    TextOperation.Transformed t = TextOperation.transform(outstanding, op);
                    outstanding = t.aPrime();
                    op = t.bPrime();
                }
                if (buffer != null) {
                    TextOperation.Transformed t = TextOperation.transform(buffer, op);
                    buffer = t.aPrime();
                    op = t.bPrime();
                }
                text = op.apply(text);
            }
            case "error" -> throw new AssertionError("server refused: " + message);
            default -> {
            }
        }
    }

    private void send() {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "op");
        m.put("revision", outstandingBase);
        m.put("id", outstandingId);
        m.set("op", outstanding.toJson());
        try {
            socket.send(JSON.writeValueAsString(m));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
