package io.pairpad.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client that sends whatever it is given (text or binary) and keeps every text message it receives
 * as it came, unparsed, plus the close code, so that a test can judge the server's answers to hostile input.
 */
final class FuzzSocket implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    FuzzSocket(int port, String pathAndQuery) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), new Listener()).join();
    }

    /** Sends a text frame; false when the connection is closed or closing. */
    boolean sendText(String text) {
        try {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    boolean sendBinary(byte[] data) {
        try {
            socket.sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The next text message received, or null after {@code millis} of silence. */
    String poll(long millis) {
        try {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    /** The close code the server sent, -1 for a broken connection, or null when not closed within {@code millis}. */
    Integer awaitClose(long millis) {
        try {
            return closeCode.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            inbox.add("(binary frame)");
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
