package io.pairpad.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.WsClient;
import io.pairpad.collab.IntegrityCheck;
import io.pairpad.db.Database;
import io.pairpad.db.EmbeddedDatabase;
import io.pairpad.web.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops while someone types and starts again. No ack is sent while it is down, /health says 503,
 * the client hears errors rather than silence, and once it is back editing resumes without restarting
 * pairpad; the room holds exactly the acked ops plus the resent one.
 */
class DatabaseOutageTest {

    @Test
    void editingResumesAfterTheDatabaseReturns() throws Exception {
        Path dataDir = Files.createTempDirectory("pairpad-outage");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedDatabase postgres = EmbeddedDatabase.start(dataDir, port);
        try (Database database = Database.connect(postgres.jdbcUrl())) {
            PairpadApp app = new PairpadApp(Config.defaults().withPort(0), database);
            JavalinTest.test(app.javalin(), (server, client) -> {
                Api api = new Api(server.port());
                String room = api.post("/api/rooms", "{}").json().get("roomId").textValue();
                WsClient typist = WsClient.connect(server.port(), "/ws/" + room);
                long revision = typist.next("init").get("revision").longValue();
                for (int i = 0; i < 20; i++) {
                    typist.send(op("a:" + i, revision, i, "x"));
                    revision = typist.next("ack").get("revision").longValue();
                }

                postgres.close();
                assertEquals(503, api.get("/health").status());
                typist.send(op("a:20", revision, 20, "y"));
                JsonNode error = typist.next();
                assertEquals("error", error.get("type").textValue(), "an error, not silence: " + error);
                assertEquals(1011, typist.awaitClose());
                try (WsClient meanwhile = WsClient.connect(server.port(), "/ws/" + room)) {
                    assertEquals("error", meanwhile.next().get("type").textValue());
                    assertEquals(1011, meanwhile.awaitClose());
                }

                EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir, port);
                try {
                    waitForHealth(api);
                    try (WsClient again = WsClient.connect(server.port(), "/ws/" + room)) {
                        JsonNode init = again.next("init");
                        assertEquals(20, init.get("revision").intValue(), "only the acked ops were stored");
                        again.send(op("a:20", revision, 20, "y"));
                        assertEquals(21, again.next("ack").get("revision").intValue());
                    }
                    assertEquals("x".repeat(20) + "y", api.get("/api/rooms/" + room).json().get("code").textValue());
                    IntegrityCheck.Report report = new IntegrityCheck(
                            Jdbi.create(database.dataSource()).installPlugins(), Json.mapper(1 << 20)).run();
                    assertTrue(report.ok(), report.problems().toString());
                } finally {
                    restarted.close();
                }
            });
        }
    }

    private static void waitForHealth(Api api) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (api.get("/health").status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the database did not come back");
    }

    private static String op(String id, long revision, int length, String insert) {
        String parts = length == 0 ? "[\"" + insert + "\"]" : "[" + length + ",\"" + insert + "\"]";
        return "{\"type\":\"op\",\"revision\":" + revision + ",\"id\":\"" + id + "\",\"op\":" + parts + "}";
    }
}
