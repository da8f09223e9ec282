package io.pairpad.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL keeps an ack's promise: commits are synchronous and flushed to disk. */
class EmbeddedDurabilityTest {

    @Test
    void commitsAreSynchronousAndFlushed() throws Exception {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(Files.createTempDirectory("pairpad-fsync"));
             Database database = Database.connect(postgres.jdbcUrl())) {
            Jdbi jdbi = Jdbi.create(database.dataSource());
            assertEquals("on", jdbi.withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one()));
            assertEquals("on", jdbi.withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one()));
        }
    }
}
