package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.WsClient;
import io.pairpad.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typists are mid-way when pairpad stops (and its embedded database with it). After a start on the same
 * data every acked op is there, and each typist's unacked op, resent with its id, lands exactly once.
 */
class RestartDurabilityTest {
    private static final int TYPISTS = 3;
    private static final int LETTERS = 400;

    /** Types one letter at a time at the end of its own room, one op in flight, resending after a restart. */
    private static final class Typist implements Runnable {
        final String room;
        final String prefix;
        volatile WsClient socket;
        volatile int acked;
        long revision;
        int inFlight = -1;
        long inFlightBase;

        Typist(String room, String prefix) {
            this.room = room;
            this.prefix = prefix;
        }

        void connect(int port) {
            socket = WsClient.connect(port, "/ws/" + room);
            revision = socket.next("init").get("revision").longValue();
            if (inFlight >= 0) {
                send(inFlight, inFlightBase);
            }
        }

        @Override
        public void run() {
            while (acked < LETTERS) {
                if (inFlight < 0) {
                    inFlight = acked;
                    inFlightBase = revision;
                    send(inFlight, inFlightBase);
                }
                JsonNode message = socket.poll(20);
                if (message == null) {
                    if (socket.isClosed()) {
                        return;
                    }
                    continue;
                }
                if (isRateLimited(message)) {
                    // Fast acks let a typist pass the per-connection message limit; as any client, it waits and resends.
                    sleep(100);
                    send(inFlight, inFlightBase);
                    continue;
                }
                if ("ack".equals(message.get("type").textValue())) {
                    revision = Math.max(revision, message.get("revision").longValue());
                    acked++;
                    inFlight = -1;
                }
            }
        }

        private void send(int letter, long base) {
            String op = letter == 0 ? "[\"" + letterAt(letter) + "\"]" : "[" + letter + ",\"" + letterAt(letter) + "\"]";
            try {
                socket.send("{\"type\":\"op\",\"revision\":" + base + ",\"id\":\"" + prefix + letter + "\",\"op\":"
                        + op + "}");
            } catch (RuntimeException closed) {
                // the server went away; the op is resent after the restart
            }
        }

        private static boolean isRateLimited(JsonNode message) {
            return "error".equals(message.get("type").textValue())
                    && "rate_limited".equals(message.path("error").textValue());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static String letterAt(int i) {
            return Character.toString('a' + i % 26);
        }
    }

    @Test
    void ackedOpsSurviveAndResentOpsLandOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("pairpad-durability");
        Config config = Config.fromEnv(Map.of("PAIRPAD_DATA_DIR", dataDir.toString(), "PORT", "0"));
        List<Typist> typists = new ArrayList<>();
        int ackedBeforeStop;

        Database database = Database.open(config);
        PairpadApp app = new PairpadApp(config, database).start();
        Api api = new Api(app.javalin().port());
        for (int i = 0; i < TYPISTS; i++) {
            typists.add(new Typist(CollabSocketTest.createRoom(api, ""), "t" + i + ":"));
        }
        List<Thread> threads = startTyping(typists, app.javalin().port());
        while (typists.stream().mapToInt(t -> t.acked).min().orElse(0) < LETTERS / 3) {
            Thread.sleep(5);
        }
        app.stop();
        database.close();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        ackedBeforeStop = typists.stream().mapToInt(t -> t.acked).sum();
        for (Typist typist : typists) {
            assertEquals(1001, typist.socket.awaitClose(), "clients hear the server is going away");
            assertTrue(typist.acked < LETTERS, "stopped mid-typing");
        }

        try (Database again = Database.open(config)) {
            PairpadApp restarted = new PairpadApp(config, again).start();
            try {
                Api api2 = new Api(restarted.javalin().port());
                for (Typist typist : typists) {
                    String stored = api2.get("/api/rooms/" + typist.room).json().get("code").textValue();
                    assertTrue(stored.length() >= typist.acked, "every acked op is there");
                }
                for (Thread thread : startTyping(typists, restarted.javalin().port())) {
                    thread.join(60_000);
                }
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < LETTERS; i++) {
                    expected.append(Typist.letterAt(i));
                }
                for (Typist typist : typists) {
                    JsonNode room = api2.get("/api/rooms/" + typist.room).json();
                    assertEquals(expected.toString(), room.get("code").textValue(), "each letter exactly once");
                    assertEquals(LETTERS, room.get("revision").intValue());
                    typist.socket.close();
                }
            } finally {
                restarted.stop();
            }
        }
        assertTrue(ackedBeforeStop > 0);
    }

    private static List<Thread> startTyping(List<Typist> typists, int port) {
        List<Thread> threads = new ArrayList<>();
        for (Typist typist : typists) {
            typist.connect(port);
            Thread thread = new Thread(typist);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }
}
