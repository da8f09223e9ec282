package io.pairpad.collab;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the op log and its checkpoints; the writes are batched by {@link OpLog}. */
@RegisterConstructorMapper(StoredOp.class)
public interface OpDao {
    String COLUMNS = "revision, op_id, op, client_id, name, created_at AS at";

    @SqlQuery("SELECT " + COLUMNS + " FROM operations WHERE room_id = :room AND revision > :after"
            + " ORDER BY revision LIMIT :limit")
    List<StoredOp> after(@Bind("room") UUID room, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM operations WHERE room_id = :room AND revision > :after"
            + " AND revision <= :upTo ORDER BY revision")
    List<StoredOp> between(@Bind("room") UUID room, @Bind("after") long after, @Bind("upTo") long upTo);

    @SqlQuery("SELECT revision FROM operations WHERE room_id = :room AND op_id = :opId")
    Optional<Long> revisionOf(@Bind("room") UUID room, @Bind("opId") String opId);

    @SqlQuery("SELECT revision, code FROM checkpoints WHERE room_id = :room AND revision <= :revision"
            + " ORDER BY revision DESC LIMIT 1")
    @RegisterConstructorMapper(Checkpoint.class)
    Optional<Checkpoint> checkpointAtOrBefore(@Bind("room") UUID room, @Bind("revision") long revision);

    @SqlQuery("SELECT max(revision) FROM operations WHERE room_id = :room")
    Optional<Long> lastRevision(@Bind("room") UUID room);

    /** The text of a room at a revision that a checkpoint holds. */
    record Checkpoint(long revision, String code) {
    }
}
