package io.pairpad.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Config;
import io.pairpad.cluster.Bus;
import io.pairpad.cluster.RoomEvent;
import io.pairpad.ot.InvalidOperationException;
import io.pairpad.ot.TextDiff;
import io.pairpad.ot.TextOperation;
import java.util.UUID;

/** What every live room shares: limits, the op log, history, message building, the bus and its hub. */
final class RoomContext {
    private final Config.Limits limits;
    private final OpLog opLog;
    private final RoomHistory history;
    private final Messages messages;
    private final ObjectMapper mapper;
    private final CollabHub hub;
    private final Bus bus;

    RoomContext(Config.Limits limits, OpLog opLog, RoomHistory history, ObjectMapper mapper, CollabHub hub,
            Bus bus) {
        this.bus = bus;
        this.limits = limits;
        this.opLog = opLog;
        this.history = history;
        this.messages = new Messages(mapper);
        this.mapper = mapper;
        this.hub = hub;
    }

    Config.Limits limits() {
        return limits;
    }

    OpLog opLog() {
        return opLog;
    }

    RoomHistory history() {
        return history;
    }

    Messages messages() {
        return messages;
    }

    TextOperation diff(String oldText, String newText) {
        return TextDiff.between(oldText, newText);
    }

    String opJson(TextOperation op) {
        try {
            return mapper.writeValueAsString(op.toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidOperationException("Unreadable op: " + e.getOriginalMessage());
        }
    }

    String instanceId() {
        return bus.instanceId();
    }

    /** Whether ops other instances commit come over the bus now; if not, only the log tells of them. */
    boolean hearsOtherInstances() {
        return bus.clustered() && bus.isUp();
    }

    void publish(UUID roomId, RoomEvent event) {
        bus.publish(roomId, event);
    }

    void presenceChanged(UUID roomId, int connections) {
        hub.presenceChanged(roomId, connections);
    }

    void retired(LiveRoom room) {
        hub.retired(room);
    }

    void catchUpLater(LiveRoom room, long delayMillis) {
        hub.catchUpLater(room, delayMillis);
    }
}
