package io.pairpad.rooms;

import io.pairpad.Languages;
import io.pairpad.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creating, reading, changing and deleting rooms. */
public final class RoomService {
    private final RoomDao rooms;
    private final int maxDocChars;

    public RoomService(Jdbi jdbi, int maxDocChars) {
        this.rooms = jdbi.onDemand(RoomDao.class);
        this.maxDocChars = maxDocChars;
    }

    public Room create(Optional<String> language, Optional<String> code) {
        String lang = language.orElse(Languages.DEFAULT);
        requireSupported(lang);
        String text = code.orElse("");
        requireWithinLimit(text);
        return rooms.insert(UUID.randomUUID(), text, lang);
    }

    public Room get(UUID id) {
        return rooms.find(id).orElseThrow(() -> ApiException.roomNotFound(id.toString()));
    }

    public Room update(UUID id, Optional<String> language, Optional<String> code) {
        language.ifPresent(RoomService::requireSupported);
        code.ifPresent(this::requireWithinLimit);
        Room room = get(id);
        if (language.isPresent()) {
            room = rooms.updateLanguage(id, language.get())
                    .orElseThrow(() -> ApiException.roomNotFound(id.toString()));
        }
        if (code.isPresent()) {
            room = rooms.replaceCode(id, code.get())
                    .orElseThrow(() -> ApiException.roomNotFound(id.toString()));
        }
        return room;
    }

    public void delete(UUID id) {
        if (!rooms.delete(id)) {
            throw ApiException.roomNotFound(id.toString());
        }
    }

    public static void requireSupported(String language) {
        if (!Languages.isSupported(language)) {
            throw ApiException.unsupportedLanguage(language);
        }
    }

    private void requireWithinLimit(String code) {
        if (code.length() > maxDocChars) {
            throw ApiException.tooLarge("The code is " + code.length() + " characters; the limit is " + maxDocChars);
        }
    }
}
