package io.pairpad.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The PostgreSQL server pairpad starts itself when no DATABASE_URL is given; its data outlives restarts. */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        return start(dataDir, 0);
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        OrphanedPostgres.stopIfRunning(absolute);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(absolute)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // An ack promises the op survives a crash, of the machine too: commits wait for the WAL to reach
                // the disk. zonky starts PostgreSQL with fsync off (-F); this setting comes later and wins.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100")
                .start();
        return new EmbeddedDatabase(postgres, absolute);
    }

    public JdbcUrl jdbcUrl() {
        return new JdbcUrl(postgres.getJdbcUrl("postgres", "postgres"),
                java.util.Optional.of("postgres"), java.util.Optional.empty());
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
