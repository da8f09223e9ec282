package io.pairpad.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Room rows with none of the checkpoints a real room starts with, for tests of what the op log stores; removed
 * with their ops after each test (register it with {@code @RegisterExtension}).
 */
final class BareRooms implements AfterEachCallback {
    private final Jdbi jdbi;
    private final List<UUID> created = new ArrayList<>();

    BareRooms(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    UUID create() {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.execute("INSERT INTO rooms (id, language) VALUES (?, 'python')", id));
        created.add(id);
        return id;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        created.forEach(id -> jdbi.useHandle(h -> {
            h.execute("DELETE FROM rooms WHERE id = ?", id);
            h.execute("DELETE FROM operations WHERE room_id = ?", id);
        }));
        created.clear();
    }
}
