package io.pairpad.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.TestApp;
import org.junit.jupiter.api.Test;

class AutocompleteApiTest {

    @Test
    void answersInTheProtocolShape() {
        TestApp.run((server, client) -> {
            String code = "def compute_total(items):\n    return sum(items)\n\nresult = comp";
            String body = TestApp.JSON.writeValueAsString(java.util.Map.of(
                    "code", code, "cursorPosition", code.length(), "language", "python"));
            Api.Reply reply = new Api(server.port()).post("/api/autocomplete", body);
            assertEquals(200, reply.status(), reply.body());
            JsonNode answer = reply.json();
            assertTrue(answer.get("suggestion").isTextual());
            double confidence = answer.get("confidence").doubleValue();
            assertTrue(confidence >= 0 && confidence <= 1);
            assertTrue(answer.get("alternatives").isArray() && answer.get("alternatives").size() <= 10);
            assertTrue(answer.get("suggestion").textValue().startsWith("ute_total"), reply.body());
            for (JsonNode alternative : answer.get("alternatives")) {
                assertTrue(alternative.get("label").isTextual() && alternative.get("insert").isTextual()
                        && alternative.get("kind").isTextual() && alternative.get("confidence").isNumber());
            }
        });
    }

    @Test
    void acceptsCursorAsAnotherName() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port())
                    .post("/api/autocomplete", "{\"code\": \"alpha alp\", \"cursor\": 9, \"language\": \"plaintext\"}");
            assertEquals(200, reply.status(), reply.body());
        });
    }

    @Test
    void badRequestsGetProtocolErrors() {
        Config small = Config.defaults().withLimits(new Config.Limits(20, 10_000, 50, 200, 100, 60));
        TestApp.run(small, (server, client) -> {
            Api api = new Api(server.port());
            api.post("/api/autocomplete",
                    "{").assertError(400, "invalid_json");
            api.post("/api/autocomplete",
                    "[]").assertError(400, "invalid_json");
            api.post("/api/autocomplete",
                    "{\"cursorPosition\": 0, \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": 0}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": \"0\", \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": 1.5, \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": 2, \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": -1, \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": 99999999999, \"language\": \"go\"}").assertError(400, "validation_failed");
            api.post("/api/autocomplete",
                    "{\"code\": \"x\", \"cursorPosition\": 0, \"language\": \"cobol\"}").assertError(400, "unsupported_language");
            api.post("/api/autocomplete",
                    "{\"code\": \"" + "x".repeat(21) + "\", \"cursorPosition\": 0, \"language\": \"go\"}").assertError(413, "too_large");
        });
    }
}
