package io.pairpad.collab;

/** Someone in a room, connected here or to another instance, as presence messages show them. */
public interface RoomUser {
    String clientId();

    String name();

    String color();

    int anchor();

    int head();
}
