package io.pairpad.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.TestApp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomApiTest {

    @Test
    void createsARoomWithLocationAndAllFields() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            Api.Reply reply = api.post("/api/rooms", "{\"language\": \"python\", \"code\": \"print('hi')\\n\"}");
            assertEquals(201, reply.status());
            JsonNode room = reply.json();
            String id = room.get("roomId").textValue();
            assertEquals(4, UUID.fromString(id).version());
            assertEquals("/api/rooms/" + id, reply.header("Location"));
            assertEquals("print('hi')\n", room.get("code").textValue());
            assertEquals("python", room.get("language").textValue());
            assertEquals(0, room.get("revision").intValue());
            assertEquals(0, room.get("activeUsers").intValue());
            Instant.parse(room.get("createdAt").textValue());
            Instant.parse(room.get("updatedAt").textValue());
            assertEquals(7, room.size(), "exactly the fields of PROTOCOL.md: " + room);
        });
    }

    @Test
    void createWithoutBodyGivesAnEmptyPlaintextRoom() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).send("POST", "/api/rooms", null);
            assertEquals(201, reply.status());
            assertEquals("", reply.json().get("code").textValue());
            assertEquals("plaintext", reply.json().get("language").textValue());
        });
    }

    @Test
    void getReturnsTheStoredRoom() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String id = api.post("/api/rooms", "{\"language\": \"go\", \"code\": \"package main\"}")
                    .json().get("roomId").textValue();
            Api.Reply reply = api.get("/api/rooms/" + id);
            assertEquals(200, reply.status());
            assertEquals("package main", reply.json().get("code").textValue());
            assertEquals("go", reply.json().get("language").textValue());
        });
    }

    @Test
    void patchChangesLanguageAndCode() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            JsonNode created = api.post("/api/rooms", "{\"language\": \"python\"}").json();
            String id = created.get("roomId").textValue();
            Api.Reply lang = api.patch("/api/rooms/" + id, "{\"language\": \"rust\"}");
            assertEquals(200, lang.status());
            assertEquals("rust", lang.json().get("language").textValue());
            Api.Reply code = api.patch("/api/rooms/" + id, "{\"code\": \"fn main() {}\"}");
            assertEquals(200, code.status());
            assertEquals("fn main() {}", code.json().get("code").textValue());
            assertEquals(1, code.json().get("revision").intValue());
            assertEquals("rust", api.get("/api/rooms/" + id).json().get("language").textValue());
        });
    }

    @Test
    void deleteRemovesTheRoomAndLooksLikeAnUnknownOne() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String id = api.post("/api/rooms", "{}").json().get("roomId").textValue();
            assertEquals(204, api.delete("/api/rooms/" + id).status());
            Api.Reply deleted = api.get("/api/rooms/" + id);
            Api.Reply unknown = api.get("/api/rooms/" + UUID.randomUUID());
            assertEquals(404, deleted.status());
            assertEquals(404, unknown.status());
            assertEquals("room_not_found", deleted.error());
            assertEquals("room_not_found", unknown.error());
            assertEquals(404, api.delete("/api/rooms/" + id).status());
        });
    }

    @Test
    void unknownOrMalformedIdsAre404OnEveryMethod() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid", "1", "%20",
                    "00000000-0000-0000-0000-00000000000g", "0-0-0-0-0"}) {
                assertEquals("room_not_found", api.get("/api/rooms/" + id).error(), id);
                assertEquals("room_not_found", api.delete("/api/rooms/" + id).error(), id);
                assertEquals("room_not_found", api.patch("/api/rooms/" + id, "{\"language\":\"go\"}").error(), id);
            }
        });
    }

    @Test
    void badBodiesGetTheirErrorCodes() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            api.post("/api/rooms", "{not json").assertError(400, "invalid_json");
            api.post("/api/rooms", "[1, 2]").assertError(400, "invalid_json");
            api.post("/api/rooms", "\"python\"").assertError(400, "invalid_json");
            api.post("/api/rooms", "{} {}").assertError(400, "invalid_json");
            api.post("/api/rooms", "{\"language\": 7}").assertError(400, "validation_failed");
            api.post("/api/rooms", "{\"code\": [\"x\"]}").assertError(400, "validation_failed");
            api.post("/api/rooms", "{\"language\": \"cobol\"}").assertError(400, "unsupported_language");
            String id = api.post("/api/rooms", "{}").json().get("roomId").textValue();
            api.patch("/api/rooms/" + id, "nope").assertError(400, "invalid_json");
            api.patch("/api/rooms/" + id, "{\"code\": false}").assertError(400, "validation_failed");
            api.patch("/api/rooms/" + id, "{\"language\": \"klingon\"}").assertError(400, "unsupported_language");
            assertEquals("", api.get("/api/rooms/" + id).json().get("code").textValue(), "unchanged after errors");
        });
    }

    @Test
    void validationMessageNamesTheField() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).post("/api/rooms", "{\"language\": 7}");
            assertTrue(reply.json().get("message").textValue().contains("language"), reply.body());
        });
    }

    @Test
    void documentAndBodyLimitsGive413() {
        Config small = Config.defaults().withLimits(new Config.Limits(10, 200, 50, 200, 100, 60));
        TestApp.run(small, (server, client) -> {
            Api api = new Api(server.port());
            api.post("/api/rooms", "{\"code\": \"01234567890\"}").assertError(413, "too_large");
            assertEquals(201, api.post("/api/rooms", "{\"code\": \"0123456789\"}").status());
            String big = "{\"code\": \"" + "x".repeat(300) + "\"}";
            api.post("/api/rooms", big).assertError(413, "too_large");
            String id = api.post("/api/rooms", "{}").json().get("roomId").textValue();
            api.patch("/api/rooms/" + id, "{\"code\": \"01234567890\"}").assertError(413, "too_large");
        });
    }

    @Test
    void roomCreationIsRateLimitedPerAddress() {
        Config limited = Config.defaults().withLimits(new Config.Limits(1000, 10_000, 50, 200, 100, 3));
        TestApp.run(limited, (server, client) -> {
            Api api = new Api(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(201, api.post("/api/rooms", "{}").status());
            }
            Api.Reply limitedReply = api.post("/api/rooms", "{}");
            limitedReply.assertError(429, "rate_limited");
            int retryAfter = Integer.parseInt(limitedReply.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(200, api.get("/api/languages").status(), "other endpoints are not limited");
        });
    }

    @Test
    void roomIdsAreDistinct() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String a = api.post("/api/rooms", "{}").json().get("roomId").textValue();
            String b = api.post("/api/rooms", "{}").json().get("roomId").textValue();
            assertNotEquals(a, b);
        });
    }

    @Test
    void roomsAreNeverListed() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).get("/api/rooms");
            assertFalse(reply.status() == 200, "GET /api/rooms must not list rooms");
        });
    }

}
