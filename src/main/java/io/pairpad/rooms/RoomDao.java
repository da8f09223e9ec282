package io.pairpad.rooms;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rooms table. */
@RegisterConstructorMapper(Room.class)
public interface RoomDao {
    String COLUMNS = "id AS room_id, code, language, revision, active_users, created_at, updated_at";

    @SqlQuery("INSERT INTO rooms (id, code, language) VALUES (:id, :code, :language) RETURNING " + COLUMNS)
    Room insert(@Bind("id") UUID id, @Bind("code") String code, @Bind("language") String language);

    @SqlQuery("SELECT " + COLUMNS + " FROM rooms WHERE id = :id")
    Optional<Room> find(@Bind("id") UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM rooms WHERE id = :id)")
    boolean exists(@Bind("id") UUID id);

    @SqlQuery("UPDATE rooms SET language = :language, updated_at = now() WHERE id = :id RETURNING " + COLUMNS)
    Optional<Room> updateLanguage(@Bind("id") UUID id, @Bind("language") String language);

    @SqlUpdate("INSERT INTO checkpoints (room_id, revision, code) VALUES (:id, :revision, :code)")
    void insertCheckpoint(@Bind("id") UUID id, @Bind("revision") long revision, @Bind("code") String code);

    @SqlUpdate("DELETE FROM rooms WHERE id = :id")
    boolean delete(@Bind("id") UUID id);

    @SqlUpdate("DELETE FROM operations WHERE room_id = :id")
    void deleteOps(@Bind("id") UUID id);
}
