package io.pairpad.rooms;

import io.pairpad.Languages;
import io.pairpad.collab.CollabHub;
import io.pairpad.collab.RoomHistory;
import io.pairpad.ot.SurrogatePairs;
import io.pairpad.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creating, reading, changing and deleting rooms; changes reach the room's live editors. */
public final class RoomService {
    private final Jdbi jdbi;
    private final RoomDao rooms;
    private final CollabHub hub;
    private final int maxDocChars;

    public RoomService(Jdbi jdbi, CollabHub hub, int maxDocChars) {
        this.jdbi = jdbi;
        this.rooms = jdbi.onDemand(RoomDao.class);
        this.hub = hub;
        this.maxDocChars = maxDocChars;
    }

    public Room create(Optional<String> language, Optional<String> code) {
        String lang = language.orElse(Languages.DEFAULT);
        requireSupported(lang);
        String text = code.orElse("");
        requireWithinLimit(text);
        return jdbi.inTransaction(h -> {
            Room room = h.attach(RoomDao.class).insert(UUID.randomUUID(), text, lang);
            h.attach(RoomDao.class).insertCheckpoint(room.roomId(), 0, text);
            return room;
        });
    }

    /** The room with its latest committed text, which may be ahead of the stored snapshot. */
    public Room get(UUID id) {
        RoomHistory.Current current = hub.history().current(id)
                .orElseThrow(() -> ApiException.roomNotFound(id.toString()));
        int activeUsers = hub.activeUsers(id).orElse(current.snapshot().activeUsers());
        return current.asRoom(activeUsers);
    }

    public Room update(UUID id, Optional<String> language, Optional<String> code) {
        language.ifPresent(RoomService::requireSupported);
        code.ifPresent(this::requireWithinLimit);
        if (!rooms.exists(id)) {
            throw ApiException.roomNotFound(id.toString());
        }
        language.ifPresent(lang -> changeLanguage(id, lang, null));
        if (code.isPresent()) {
            replaceCode(id, code.get());
        }
        return get(id);
    }

    public void changeLanguage(UUID id, String language, String byClientId) {
        rooms.updateLanguage(id, language).orElseThrow(() -> ApiException.roomNotFound(id.toString()));
        hub.languageChanged(id, language, byClientId);
    }

    /** Deletes the room, its checkpoints (by cascade) and its ops (the op log holds no foreign key). */
    public void delete(UUID id) {
        boolean existed = jdbi.inTransaction(h -> {
            RoomDao dao = h.attach(RoomDao.class);
            if (!dao.delete(id)) {
                return false;
            }
            dao.deleteOps(id);
            return true;
        });
        if (!existed) {
            throw ApiException.roomNotFound(id.toString());
        }
        hub.deleted(id);
    }

    private void replaceCode(UUID id, String code) {
        hub.replaceText(id, code).orElseThrow(() -> ApiException.roomNotFound(id.toString()));
    }

    public static void requireSupported(String language) {
        if (!Languages.isSupported(language)) {
            throw ApiException.unsupportedLanguage(language);
        }
    }

    private void requireWithinLimit(String code) {
        if (!SurrogatePairs.storable(code)) {
            throw ApiException.validation("Field 'code' holds half of a character (a lone UTF-16 surrogate)"
                    + " or U+0000, which cannot be stored");
        }
        if (code.length() > maxDocChars) {
            throw ApiException.tooLarge("The code is " + code.length() + " characters; the limit is " + maxDocChars);
        }
    }
}
