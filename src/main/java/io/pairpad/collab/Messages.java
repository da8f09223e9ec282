package io.pairpad.collab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Builds the server-to-client messages of PROTOCOL.md as JSON text, each once per broadcast. */
public final class Messages {
    private final ObjectMapper mapper;

    public Messages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String init(Participant to, String code, String language, long revision,
            Collection<? extends RoomUser> others) {
        ObjectNode m = message("init");
        m.put("clientId", to.clientId());
        m.put("code", code);
        m.put("language", language);
        m.put("revision", revision);
        ArrayNode users = m.putArray("users");
        others.forEach(p -> users.add(user(p)));
        return write(m);
    }

    /** Written by hand, like {@link #op}: an ack goes out for every edit. */
    public String ack(long revision, String opId) {
        return "{\"type\":\"ack\",\"revision\":" + revision + ",\"id\":" + quote(opId) + "}";
    }

    /** The op as its JSON text, so a broadcast serialises it once. */
    public String op(long revision, String opJson, String clientId) {
        return "{\"type\":\"op\",\"revision\":" + revision + ",\"op\":" + opJson + ",\"clientId\":"
                + quote(clientId) + "}";
    }

    public String codeUpdate(String code, long revision, String clientId) {
        ObjectNode m = message("code_update");
        m.put("code", code);
        m.put("revision", revision);
        m.put("clientId", clientId);
        return write(m);
    }

    public String cursor(RoomUser who) {
        ObjectNode m = message("cursor");
        m.put("clientId", who.clientId());
        m.put("anchor", who.anchor());
        m.put("head", who.head());
        return write(m);
    }

    public String userJoined(RoomUser who, int activeUsers) {
        ObjectNode m = message("user_joined");
        m.set("user", user(who));
        m.put("activeUsers", activeUsers);
        return write(m);
    }

    public String userLeft(String clientId, int activeUsers) {
        ObjectNode m = message("user_left");
        m.put("clientId", clientId);
        m.put("activeUsers", activeUsers);
        return write(m);
    }

    public String language(String language, String clientId) {
        ObjectNode m = message("language");
        m.put("language", language);
        m.put("clientId", clientId);
        return write(m);
    }

    public String error(String error, String message) {
        ObjectNode m = message("error");
        m.put("error", error);
        m.put("message", message);
        return write(m);
    }

    private ObjectNode user(RoomUser p) {
        ObjectNode u = mapper.createObjectNode();
        u.put("clientId", p.clientId());
        u.put("name", p.name());
        u.put("color", p.color());
        u.put("anchor", p.anchor());
        u.put("head", p.head());
        return u;
    }

    private ObjectNode message(String type) {
        return mapper.createObjectNode().put("type", type);
    }

    /** A JSON string literal; text that needs no escape skips the generator, which allocates per call. */
    private String quote(String s) {
        if (s == null) {
            return "null";
        }
        return needsNoEscape(s) ? '"' + s + '"' : write(mapper.getNodeFactory().textNode(s));
    }

    private static boolean needsNoEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a message", e);
        }
    }
}
