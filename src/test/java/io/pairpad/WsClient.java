package io.pairpad;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that queues every message it receives, for tests to read in order. */
public final class WsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(String url, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
    }

    public static WsClient connect(int port, String pathAndQuery) {
        return new WsClient("ws://localhost:" + port + pathAndQuery, null);
    }

    public static WsClient connect(int port, String pathAndQuery, String origin) {
        return new WsClient("ws://localhost:" + port + pathAndQuery, origin);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message, failing the test after a few seconds of silence. */
    public JsonNode next() {
        try {
            JsonNode message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within 10 s" + (closeCode.isDone()
                        ? " (closed with " + closeCode.getNow(null) + ")" : ""));
            }
            return message;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Skips messages until one of {@code type} arrives. */
    public JsonNode next(String type) {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
            skipped.add(message.path("type").asText());
        }
        throw new AssertionError("No " + type + " message; skipped " + skipped);
    }

    /** Skips messages until one of {@code type} arrives, waiting at most {@code millis} in all. */
    public JsonNode nextWithin(String type, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode message = poll(Math.max(1, deadline - System.currentTimeMillis()));
            if (message != null && type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("No " + type + " message within " + millis + " ms");
    }

    /** The next message, or null when none comes within {@code millis}. */
    public JsonNode poll(long millis) {
        try {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public int awaitClose() {
        try {
            return closeCode.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Not closed within 10 s", e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(TestApp.json(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
