package io.pairpad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.testtools.JavalinTest;
import io.pairpad.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The embedded default keeps its data in PAIRPAD_DATA_DIR, so rooms survive a restart. */
class RestartTest {

    @Test
    void roomSurvivesARestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("pairpad-restart");
        Config config = Config.fromEnv(Map.of("PAIRPAD_DATA_DIR", dataDir.toString(), "PORT", "0"));
        AtomicReference<String> roomId = new AtomicReference<>();

        try (Database first = Database.open(config)) {
            JavalinTest.test(new PairpadApp(config, first).javalin(), (server, client) -> {
                Api.Reply created = new Api(server.port())
                        .post("/api/rooms", "{\"language\": \"java\", \"code\": \"class A {}\"}");
                roomId.set(created.json().get("roomId").textValue());
            });
        }
        try (Database second = Database.open(config)) {
            JavalinTest.test(new PairpadApp(config, second).javalin(), (server, client) -> {
                Api.Reply room = new Api(server.port()).get("/api/rooms/" + roomId.get());
                assertEquals(200, room.status());
                assertEquals("class A {}", room.json().get("code").textValue());
                assertEquals("java", room.json().get("language").textValue());
            });
        }
    }
}
