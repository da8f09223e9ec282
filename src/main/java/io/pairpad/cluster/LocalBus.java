package io.pairpad.cluster;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/** One instance alone: nobody to tell, nobody to hear from. */
public final class LocalBus implements Bus {
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public boolean isUp() {
        return true;
    }

    @Override
    public void publish(UUID room, RoomEvent event) {
    }

    @Override
    public void subscribe(UUID room) {
    }

    @Override
    public void unsubscribe(UUID room) {
    }

    @Override
    public Set<String> alive(Set<String> instances) {
        return instances;
    }

    @Override
    public void listen(BiConsumer<UUID, RoomEvent> events, Runnable reconnected) {
    }

    @Override
    public void close() {
    }
}
