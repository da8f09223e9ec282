package io.pairpad.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one instance tells the others about a room. {@code from} is the sending instance; the other fields are
 * set as the kind needs them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomEvent(
        Kind kind,
        String from,
        Long revision,
        String op,
        String opId,
        String clientId,
        String name,
        String color,
        Integer anchor,
        Integer head,
        String language) {

    public enum Kind {
        /** An op was committed at {@code revision}; {@code op} is its JSON, {@code opId} its id. */
        OP,
        /** A user connected here: {@code clientId}, {@code name}, {@code color}, {@code anchor}, {@code head}. */
        JOINED,
        LEFT,
        CURSOR,
        LANGUAGE,
        DELETED,
        /** An instance opened the room: everyone re-announces their users to it. */
        SYNC
    }

    public static RoomEvent op(String from, long revision, String opJson, String opId, String clientId,
            String name) {
        return new RoomEvent(Kind.OP, from, revision, opJson, opId, clientId, name, null, null, null, null);
    }

    public static RoomEvent joined(String from, String clientId, String name, String color, int anchor, int head) {
        return new RoomEvent(Kind.JOINED, from, null, null, null, clientId, name, color, anchor, head, null);
    }

    public static RoomEvent left(String from, String clientId) {
        return new RoomEvent(Kind.LEFT, from, null, null, null, clientId, null, null, null, null, null);
    }

    public static RoomEvent cursor(String from, String clientId, long revision, int anchor, int head) {
        return new RoomEvent(Kind.CURSOR, from, revision, null, null, clientId, null, null, anchor, head, null);
    }

    public static RoomEvent language(String from, String language, String clientId) {
        return new RoomEvent(Kind.LANGUAGE, from, null, null, null, clientId, null, null, null, null, language);
    }

    public static RoomEvent deleted(String from) {
        return new RoomEvent(Kind.DELETED, from, null, null, null, null, null, null, null, null, null);
    }

    public static RoomEvent sync(String from) {
        return new RoomEvent(Kind.SYNC, from, null, null, null, null, null, null, null, null, null);
    }
}
