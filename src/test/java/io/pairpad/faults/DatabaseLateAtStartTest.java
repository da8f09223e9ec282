package io.pairpad.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.db.Database;
import io.pairpad.db.EmbeddedDatabase;
import io.pairpad.db.JdbcUrl;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PostgreSQL is not up yet when pairpad starts: it retries with backoff, then serves once it is. */
class DatabaseLateAtStartTest {

    @Test
    void startUpWaitsForTheDatabase() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("pairpad-late-db");
        JdbcUrl url = new JdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres", Optional.of("postgres"),
                Optional.empty());
        long started = System.nanoTime();
        CompletableFuture<Database> connecting = CompletableFuture.supplyAsync(() -> Database.connect(url));
        Thread.sleep(2_000);
        assertTrue(!connecting.isDone(), "still waiting while the database is down");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(dataDir, port);
             Database database = connecting.get()) {
            assertTrue((System.nanoTime() - started) / 1e9 >= 2, "it waited");
            JavalinTest.test(new PairpadApp(Config.defaults().withPort(0), database).javalin(), (server, client) -> {
                Api api = new Api(server.port());
                assertEquals(200, api.get("/health").status());
                assertEquals(201, api.post("/api/rooms", "{}").status());
            });
        }
    }
}
