package io.pairpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.javalin.testtools.JavalinTest;
import io.pairpad.db.Database;
import io.pairpad.db.EmbeddedDatabase;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthyWhileTheDatabaseAnswers() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).get("/health");
            assertEquals(200, reply.status());
            assertEquals("ok", reply.json().get("status").textValue());
            assertEquals("ok", reply.json().get("database").textValue());
        });
    }

    @Test
    void unavailableWhenTheDatabaseIsDownAndRequestsFailWithoutStackTraces() throws Exception {
        EmbeddedDatabase postgres = EmbeddedDatabase.start(Files.createTempDirectory("pairpad-health"));
        try (Database database = Database.connect(postgres.jdbcUrl())) {
            PairpadApp app = new PairpadApp(Config.defaults().withPort(0), database);
            JavalinTest.test(app.javalin(), (server, client) -> {
                Api api = new Api(server.port());
                String id = api.post("/api/rooms", "{}").json().get("roomId").textValue();
                postgres.close();

                Api.Reply health = api.get("/health");
                assertEquals(503, health.status());
                assertEquals("down", health.json().get("database").textValue());

                Api.Reply failed = api.get("/api/rooms/" + id);
                assertEquals(500, failed.status());
                assertEquals("internal", failed.error());
                assertFalse(failed.body().contains("Exception"), failed.body());
                assertFalse(failed.body().contains("at io."), failed.body());
            });
        }
    }
}
