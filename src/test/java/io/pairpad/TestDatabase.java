package io.pairpad;

import io.pairpad.db.Database;
import io.pairpad.db.EmbeddedDatabase;
import io.pairpad.db.JdbcUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The PostgreSQL server the tests share: TEST_DATABASE_URL when set, otherwise one embedded server
 * started once per test run. Tests create their own rooms, so they never step on each other.
 */
public final class TestDatabase {
    private static Database database;
    private static JdbcUrl url;

    private TestDatabase() {
    }

    public static synchronized Database get() {
        if (database == null) {
            database = Database.connect(url());
        }
        return database;
    }

    /** Where the shared server is, for pairpad processes a test starts itself. */
    public static synchronized JdbcUrl url() {
        if (url == null) {
            url = jdbcUrl();
        }
        return url;
    }

    private static JdbcUrl jdbcUrl() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return JdbcUrl.parse(url, Optional.ofNullable(System.getenv("TEST_DATABASE_USER")),
                    Optional.ofNullable(System.getenv("TEST_DATABASE_PASSWORD")));
        }
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Files.createTempDirectory("pairpad-test-pg"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp server dies with it
                }
            }));
            return embedded.jdbcUrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
