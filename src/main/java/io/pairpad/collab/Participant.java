package io.pairpad.collab;

/**
 * One connected client of a room: who it is, where its selection stands (in the text at the room's committed
 * revision) and how it wants updates. Guarded by its room's lock once it has joined.
 */
public final class Participant implements RoomUser {
    private final String clientId;
    private final String name;
    private final boolean fullUpdates;
    private final ClientChannel channel;
    private String color = "";
    private int anchor;
    private int head;

    public Participant(String clientId, String name, boolean fullUpdates, ClientChannel channel) {
        this.clientId = clientId;
        this.name = name;
        this.fullUpdates = fullUpdates;
        this.channel = channel;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public String name() {
        return name;
    }

    public boolean fullUpdates() {
        return fullUpdates;
    }

    public ClientChannel channel() {
        return channel;
    }

    @Override
    public String color() {
        return color;
    }

    void color(String newColor) {
        this.color = newColor;
    }

    @Override
    public int anchor() {
        return anchor;
    }

    @Override
    public int head() {
        return head;
    }

    void select(int newAnchor, int newHead) {
        this.anchor = newAnchor;
        this.head = newHead;
    }

    void send(String json) {
        channel.send(json);
    }
}
