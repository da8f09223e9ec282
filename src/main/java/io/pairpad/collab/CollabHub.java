package io.pairpad.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.Config;
import io.pairpad.cluster.Bus;
import io.pairpad.cluster.RoomEvent;
import io.pairpad.rooms.RoomIds;
import io.pairpad.web.ApiException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or opens the live copy of a room for each connection and REST change, passes what other instances
 * say to it, and closes them all at the end.
 */
public final class CollabHub {
    private static final Logger log = LoggerFactory.getLogger(CollabHub.class);
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(3);

    private final Map<UUID, LiveRoom> rooms = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final RoomHistory history;
    private final OpLog opLog;
    private final RoomContext context;
    private final Bus bus;
    private final ExecutorService presenceWriter = daemonThread("pairpad-presence");
    /** Bus events are handled off the bus's own thread, one at a time, in the order they came. */
    private final ExecutorService busEvents = daemonThread("pairpad-bus-events");
    private final ScheduledExecutorService liveness = daemonScheduler("pairpad-liveness");
    /** Reads from the log what rooms missed, off the op log's and the bus's threads. */
    private final ScheduledExecutorService catchUps = daemonScheduler("pairpad-catch-up");

    public CollabHub(DataSource dataSource, Jdbi jdbi, ObjectMapper mapper, Config.Limits limits, Bus bus) {
        this.jdbi = jdbi;
        this.bus = bus;
        this.history = new RoomHistory(jdbi, mapper);
        this.opLog = new OpLog(dataSource);
        this.context = new RoomContext(limits, opLog, history, mapper, this, bus);
        if (!bus.clustered()) {
            // One instance owns every connection: counts left by a previous run are stale.
            jdbi.useHandle(h -> h.execute("UPDATE rooms SET active_users = 0 WHERE active_users <> 0"));
        }
        bus.listen((room, event) -> busEvents.execute(() -> onBusEvent(room, event)),
                () -> busEvents.execute(this::afterBusOutage));
        liveness.scheduleWithFixedDelay(this::dropDeadInstances, LIVENESS_CHECK.toMillis(),
                LIVENESS_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public RoomHistory history() {
        return history;
    }

    /** Joins {@code participant} to the room and returns it; empty when there is no such room. */
    public Optional<LiveRoom> join(UUID roomId, Participant participant) {
        while (true) {
            Optional<LiveRoom> room = open(roomId);
            if (room.isEmpty() || room.get().join(participant)) {
                return room;
            }
            rooms.remove(roomId, room.get());
        }
    }

    /**
     * Replaces the room's text as one ordinary op and returns its revision once committed; empty when there
     * is no such room.
     */
    public Optional<Long> replaceText(UUID roomId, String newText) {
        while (true) {
            Optional<LiveRoom> room = open(roomId);
            if (room.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(room.get().submitFromServer(newText).get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DocumentTooLargeException) {
                    throw ApiException.tooLarge(e.getCause().getMessage());
                }
                if (rooms.get(roomId) == room.get()) {
                    throw new IllegalStateException("The change could not be stored", e.getCause());
                }
                // The room closed under the change (deleted, or reloading after a failure): try afresh.
            } catch (TimeoutException e) {
                throw new IllegalStateException("The change was not stored in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing the change", e);
            }
        }
    }

    /** The room's language changed: its editors here and on every other instance hear of it. */
    public void languageChanged(UUID roomId, String language, String byClientId) {
        LiveRoom room = rooms.get(roomId);
        if (room != null) {
            room.changeLanguage(language, byClientId);
        }
        bus.publish(roomId, RoomEvent.language(bus.instanceId(), language, byClientId));
    }

    /** The room was deleted: its editors here and on every other instance are closed with 4410. */
    public void deleted(UUID roomId) {
        closeDeleted(roomId);
        bus.publish(roomId, RoomEvent.deleted(bus.instanceId()));
    }

    /** Everyone in a room open here, on any instance, if it is open here. */
    public Optional<Integer> activeUsers(UUID roomId) {
        LiveRoom room = rooms.get(roomId);
        return room == null ? Optional.empty() : Optional.of(room.activeUsers());
    }

    /** Commits what is pending, then closes every connection with 1001 and stores final snapshots. */
    public void shutdown() {
        try {
            opLog.flush().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Op log did not flush before shutdown: {}", e.toString());
        }
        for (LiveRoom room : List.copyOf(rooms.values())) {
            room.shutDown();
        }
        rooms.clear();
        opLog.close();
        liveness.shutdownNow();
        catchUps.shutdownNow();
        busEvents.shutdown();
        bus.close();
        presenceWriter.shutdown();
        try {
            presenceWriter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void presenceChanged(UUID roomId, int connections) {
        presenceWriter.execute(() -> {
            try {
                jdbi.useHandle(h -> h.createUpdate("UPDATE rooms SET active_users = :n WHERE id = :id")
                        .bind("n", connections).bind("id", roomId).execute());
            } catch (RuntimeException e) {
                log.warn("Could not store presence of room {}: {}", RoomIds.forLog(roomId), SqlErrors.describe(e));
            }
        });
    }

    void catchUpLater(LiveRoom room, long delayMillis) {
        try {
            catchUps.schedule(() -> catchUp(room), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the room is closing too
        }
    }

    private void catchUp(LiveRoom room) {
        try {
            room.catchUpFromLog();
        } catch (RuntimeException e) {
            log.warn("Catching up room {} from the log failed: {}", RoomIds.forLog(room.id()), SqlErrors.describe(e));
        }
    }

    void retired(LiveRoom room) {
        if (rooms.remove(room.id(), room)) {
            bus.unsubscribe(room.id());
        }
    }

    private void closeDeleted(UUID roomId) {
        LiveRoom room = rooms.remove(roomId);
        if (room != null) {
            room.delete();
            bus.unsubscribe(roomId);
            opLog.forget(roomId);
        }
    }

    private void onBusEvent(UUID roomId, RoomEvent event) {
        try {
            if (event.kind() == RoomEvent.Kind.DELETED) {
                closeDeleted(roomId);
                return;
            }
            LiveRoom room = rooms.get(roomId);
            if (room != null) {
                room.remoteEvent(event);
            }
        } catch (RuntimeException e) {
            log.warn("Bus event {} for room {} failed: {}", event.kind(), RoomIds.forLog(roomId), e.toString());
        }
    }

    /**
     * Back from a bus outage: read what other instances committed meanwhile, and hear again and tell again who
     * is where (a room that subscribes only now missed the SYNCs other instances sent since Redis came back).
     * Rooms opened during the outage could not subscribe then; subscribing again is harmless for the others.
     */
    private void afterBusOutage() {
        for (LiveRoom room : List.copyOf(rooms.values())) {
            room.catchUpSoon();
            bus.subscribe(room.id());
            bus.publish(room.id(), RoomEvent.sync(bus.instanceId()));
            room.announceParticipants();
        }
    }

    private void dropDeadInstances() {
        try {
            Set<String> seen = new HashSet<>();
            rooms.values().forEach(room -> seen.addAll(room.remoteInstances()));
            if (seen.isEmpty()) {
                return;
            }
            Set<String> dead = new HashSet<>(seen);
            dead.removeAll(bus.alive(seen));
            if (!dead.isEmpty()) {
                log.info("Instances {} stopped sending heartbeats; their users leave", dead);
                rooms.values().forEach(room -> room.dropInstances(dead));
            }
        } catch (RuntimeException e) {
            log.warn("Liveness check failed: {}", e.toString());
        }
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private Optional<LiveRoom> open(UUID roomId) {
        LiveRoom live = rooms.get(roomId);
        if (live != null) {
            return Optional.of(live);
        }
        Optional<RoomHistory.Current> current = history.current(roomId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        LiveRoom loaded = new LiveRoom(roomId, current.get(), context);
        LiveRoom winner = rooms.putIfAbsent(roomId, loaded);
        if (winner != null) {
            return Optional.of(winner);
        }
        bus.subscribe(roomId);
        bus.publish(roomId, RoomEvent.sync(bus.instanceId()));
        // Ops committed elsewhere between the load and the subscription arrive neither way: read them.
        loaded.catchUpSoon();
        return Optional.of(loaded);
    }
}
