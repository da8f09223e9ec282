package io.pairpad.collab;

/** Where a participant's messages go: a WebSocket in production, a list in tests. */
public interface ClientChannel {
    /** Sends without blocking; messages sent from one thread arrive in the order sent. */
    void send(String json);

    void close(int code, String reason);
}
