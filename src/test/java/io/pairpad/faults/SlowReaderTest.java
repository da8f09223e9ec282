package io.pairpad.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.TestApp;
import io.pairpad.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import org.junit.jupiter.api.Test;

/**
 * A client that never reads: what the server queues for it stays bounded, it is dropped, and the others
 * go on editing undisturbed.
 */
class SlowReaderTest {

    @Test
    void aClientThatNeverReadsIsDroppedAndOthersAreUnaffected() throws Exception {
        Config fast = Config.defaults().withLimits(new Config.Limits(1_000_000, 4 << 20, 10_000, 10_000, 100, 60));
        TestApp.run(fast, (server, client) -> {
            Api api = new Api(server.port());
            String big = "x".repeat(200_000);
            String room = api.post("/api/rooms", "{\"code\": \"" + big + "\"}").json().get("roomId").textValue();
            WebSocket neverReads = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + server.port() + "/ws/" + room + "?updates=full"),
                            new WebSocket.Listener() {
                                @Override
                                public void onOpen(WebSocket webSocket) {
                                    // no request(): not a single message is ever read
                                }
                            })
                    .join();
            try (WsClient typist = WsClient.connect(server.port(), "/ws/" + room)) {
                long revision = typist.next("init").get("revision").longValue();
                for (int i = 0; i < 200; i++) {
                    typist.send("{\"type\":\"op\",\"revision\":" + revision + ",\"id\":\"t" + i + "\",\"op\":[\"y\","
                            + (big.length() + i) + "]}");
                    revision = typist.next("ack").get("revision").longValue();
                }
                assertEquals(200, revision, "the typist was never held up");
                long deadline = System.currentTimeMillis() + 10_000;
                while (api.get("/api/rooms/" + room).json().get("activeUsers").intValue() > 1
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, api.get("/api/rooms/" + room).json().get("activeUsers").intValue(),
                        "the reader that never reads was dropped");
                assertTrue(!typist.isClosed());
            } finally {
                neverReads.abort();
            }
        });
    }
}
