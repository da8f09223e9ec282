package io.pairpad.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pairpad.Config;
import java.io.IOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool over either the configured server or the embedded one, with the schema migrated. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int POOL_SIZE = 8;
    private static final int START_ATTEMPTS = 10;

    private final HikariDataSource pool;
    private final Optional<EmbeddedDatabase> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedDatabase> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Connects as the configuration says, starting the embedded server when no DATABASE_URL is set. */
    public static Database open(Config config) throws IOException {
        if (config.databaseUrl().isPresent()) {
            JdbcUrl url = JdbcUrl.parse(config.databaseUrl().get(), config.databaseUser(), config.databasePassword());
            log.info("Database: PostgreSQL at {}", url.describe());
            return connect(url, Optional.empty());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir().resolve("postgres"));
        log.info("Database: embedded PostgreSQL on port {}, data in {}", embedded.port(), embedded.dataDir());
        try {
            return connect(embedded.jdbcUrl(), Optional.of(embedded));
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    /** Connects to a server that is already running, such as a test's. */
    public static Database connect(JdbcUrl url) {
        return connect(url, Optional.empty());
    }

    private static Database connect(JdbcUrl url, Optional<EmbeddedDatabase> embedded) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url.url());
        url.user().ifPresent(hikari::setUsername);
        url.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("pairpad");
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(1_000);
        // Start even when the server is briefly unreachable; requests fail fast until it is back.
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, embedded);
    }

    /** Applies the migrations in sql/, waiting with backoff while the server cannot be reached. */
    private static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        long delayMillis = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (RuntimeException e) {
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("Database unreachable after " + attempt + " attempts", e);
                }
                log.warn("Database unreachable (attempt {} of {}): {}; retrying in {} ms",
                        attempt, START_ATTEMPTS, rootMessage(e), delayMillis);
                sleep(delayMillis);
                delayMillis = Math.min(delayMillis * 2, 10_000);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded.isPresent()) {
            embedded.get().close();
        }
    }
}
