package io.pairpad.collab;

/** A user connected to another instance, known here through the bus. */
record RemoteUser(String clientId, String name, String color, int anchor, int head, String instance)
        implements RoomUser {

    RemoteUser movedTo(int newAnchor, int newHead) {
        return new RemoteUser(clientId, name, color, newAnchor, newHead, instance);
    }
}
