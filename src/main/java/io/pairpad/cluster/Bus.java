package io.pairpad.cluster;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * How pairpad instances hear of each other's rooms. Without clustering there are no others and the bus is
 * local; with REDIS_URL it is Redis pub/sub, one channel per room, plus instance heartbeats.
 */
public interface Bus extends AutoCloseable {

    /** This instance's id, unique among the running instances. */
    String instanceId();

    /** True when other instances may exist: presence and op order must then account for them. */
    boolean clustered();

    /** Whether the bus can be reached now; a local bus always can. */
    boolean isUp();

    /** Tells the other instances serving {@code room}; best effort: lost while the bus is down. */
    void publish(UUID room, RoomEvent event);

    /** Starts delivering the room's events from other instances to the listener given at construction. */
    void subscribe(UUID room);

    void unsubscribe(UUID room);

    /** Which of {@code instances} still send heartbeats. */
    Set<String> alive(Set<String> instances);

    /** Where events from other instances go, and what runs when the bus comes back after an outage. */
    void listen(BiConsumer<UUID, RoomEvent> events, Runnable reconnected);

    @Override
    void close();
}
