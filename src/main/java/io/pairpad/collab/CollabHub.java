package io.pairpad.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.Config;
import io.pairpad.rooms.RoomIds;
import io.pairpad.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds or opens the live copy of a room for each connection and REST change, and closes them all at the end. */
public final class CollabHub {
    private static final Logger log = LoggerFactory.getLogger(CollabHub.class);

    private final Map<UUID, LiveRoom> rooms = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final RoomHistory history;
    private final OpLog opLog;
    private final RoomContext context;
    private final ExecutorService presenceWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pairpad-presence");
        t.setDaemon(true);
        return t;
    });

    public CollabHub(Jdbi jdbi, ObjectMapper mapper, Config.Limits limits) {
        this.jdbi = jdbi;
        this.history = new RoomHistory(jdbi, mapper);
        this.opLog = new OpLog(jdbi);
        this.context = new RoomContext(limits, opLog, history, mapper, this);
        // One instance owns every connection: counts left by a previous run are stale.
        jdbi.useHandle(h -> h.execute("UPDATE rooms SET active_users = 0 WHERE active_users <> 0"));
    }

    public RoomHistory history() {
        return history;
    }

    public OpLog opLog() {
        return opLog;
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

    public void languageChanged(UUID roomId, String language, String byClientId) {
        LiveRoom room = rooms.get(roomId);
        if (room != null) {
            room.changeLanguage(language, byClientId);
        }
    }

    public void deleted(UUID roomId) {
        LiveRoom room = rooms.remove(roomId);
        if (room != null) {
            room.delete();
        }
    }

    /** Live connection count of a room open here, if it is. */
    public Optional<Integer> activeUsers(UUID roomId) {
        LiveRoom room = rooms.get(roomId);
        return room == null ? Optional.empty() : Optional.of(room.connectionCount());
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
                log.warn("Could not store presence of room {}: {}", RoomIds.forLog(roomId), e.getMessage());
            }
        });
    }

    void retired(LiveRoom room) {
        rooms.remove(room.id(), room);
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
        return Optional.of(winner == null ? loaded : winner);
    }
}
