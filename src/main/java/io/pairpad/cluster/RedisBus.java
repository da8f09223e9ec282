package io.pairpad.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus over Redis (Lettuce): one pub/sub channel per room, and a heartbeat key per instance that expires
 * when the instance dies. While Redis is down publishing is dropped, not queued: the op log in PostgreSQL is
 * the truth, and rooms catch up from it when Redis returns.
 */
public final class RedisBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);
    private static final String ROOM_CHANNEL = "pairpad:room:";
    private static final String INSTANCE_KEY = "pairpad:instance:";
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(2);
    /** An instance silent this long is gone; with the check every few seconds, its users leave within 15 s. */
    static final Duration HEARTBEAT_TTL = Duration.ofSeconds(8);
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);

    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final ObjectMapper mapper = new ObjectMapper();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pairpad-bus-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean up = true;
    private volatile BiConsumer<UUID, RoomEvent> events = (room, event) -> { };
    private volatile Runnable reconnected = () -> { };

    private RedisBus(RedisClient client) {
        this.client = client;
        this.commands = client.connect();
        this.pubsub = client.connectPubSub();
        this.pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(channel, message);
            }
        });
        beat();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_EVERY.toMillis(), HEARTBEAT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Connects to {@code url} (redis://host:port); fails when Redis cannot be reached now. */
    public static RedisBus connect(String url) {
        RedisClient client = RedisClient.create(url);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
        try {
            return new RedisBus(client);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public void publish(UUID room, RoomEvent event) {
        if (!up) {
            return;
        }
        try {
            commands.async().publish(ROOM_CHANNEL + room, mapper.writeValueAsString(event));
        } catch (JsonProcessingException | RuntimeException e) {
            log.debug("Publishing to room {} failed: {}", room.toString().substring(0, 8), e.toString());
        }
    }

    /**
     * Returns once Redis has confirmed the subscription, so that the answers to a SYNC published next cannot
     * arrive before this instance listens (the two go over different connections, unordered).
     */
    @Override
    public void subscribe(UUID room) {
        try {
            pubsub.async().subscribe(ROOM_CHANNEL + room).get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Subscribing to room {} not confirmed: {}", room.toString().substring(0, 8), e.toString());
        }
    }

    @Override
    public void unsubscribe(UUID room) {
        pubsub.async().unsubscribe(ROOM_CHANNEL + room);
    }

    @Override
    public Set<String> alive(Set<String> instances) {
        if (!up) {
            return instances; // no news is not bad news: nobody is dropped while Redis itself is away
        }
        Set<String> alive = new HashSet<>();
        try {
            for (String instance : instances) {
                if (commands.sync().exists(INSTANCE_KEY + instance) > 0) {
                    alive.add(instance);
                }
            }
            return alive;
        } catch (RuntimeException e) {
            return instances;
        }
    }

    @Override
    public void listen(BiConsumer<UUID, RoomEvent> events, Runnable reconnected) {
        this.events = events;
        this.reconnected = reconnected;
    }

    private void beat() {
        try {
            commands.sync().set(INSTANCE_KEY + instanceId, "1", SetArgs.Builder.px(HEARTBEAT_TTL.toMillis()));
            if (!up && pubsub.isOpen()) { // both connections back, so the rooms can subscribe again
                up = true;
                log.info("Redis is back: catching up from the database");
                reconnected.run();
            }
        } catch (RuntimeException e) {
            if (up) {
                log.warn("Redis unreachable ({}): editing goes on; other instances catch up when it returns",
                        e.getMessage());
            }
            up = false;
        }
    }

    private void deliver(String channel, String message) {
        try {
            RoomEvent event = mapper.readValue(message, RoomEvent.class);
            if (!instanceId.equals(event.from())) {
                events.accept(UUID.fromString(channel.substring(ROOM_CHANNEL.length())), event);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Ignoring a bus message on {}: {}", channel.substring(0, Math.min(channel.length(), 21)),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            commands.sync().del(INSTANCE_KEY + instanceId);
        } catch (RuntimeException ignored) {
            // the key expires by itself
        }
        pubsub.close();
        commands.close();
        client.shutdown();
    }
}
