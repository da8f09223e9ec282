package io.pairpad;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP against a running app, so tests send exactly the bytes they mean. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String origin;

    public Api(int port) {
        this.origin = "http://localhost:" + port;
    }

    public String origin() {
        return origin;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String body) {
        return send("POST", path, body);
    }

    public Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** A response with its body read as JSON on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return TestApp.json(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** Asserts the status and the PROTOCOL.md error body with this code. */
        public void assertError(int expectedStatus, String expectedError) {
            if (status() != expectedStatus || !expectedError.equals(error())) {
                throw new AssertionError("expected " + expectedStatus + " " + expectedError + ", got " + status()
                        + " " + body());
            }
        }

        /** Asserts the PROTOCOL.md error shape and returns the error code. */
        public String error() {
            JsonNode json = json();
            if (!json.path("error").isTextual() || !json.path("message").isTextual() || json.size() != 2) {
                throw new AssertionError("Not an error body: " + body());
            }
            return json.get("error").textValue();
        }
    }
}
