package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.OtClient;
import io.pairpad.TestApp;
import io.pairpad.WsClient;
import io.pairpad.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Five ot.js-style clients make 200 random edits each at once, with unicode, while pausing at random so that
 * their ops are based on stale revisions. Every client must end with the room's text, and replaying the
 * stored history must give it too.
 */
public class ConvergenceFuzzTest {
    private static final int CLIENTS = 5;
    private static final int EDITS = 200;
    private static final String[] ALPHABET = {"a", "b", "z", " ", "\n", "é", "中", "😀", "🎉", "{", "}"};

    @Test
    void fiveClientsConverge() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = CollabSocketTest.createRoom(api, "start\n");
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<OtClient>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 1000L + c;
                results.add(pool.submit(() -> typeRandomly(server.port(), room, seed)));
            }
            List<OtClient> clients = new ArrayList<>();
            for (Future<OtClient> result : results) {
                clients.add(result.get());
            }
            pool.shutdown();

            JsonNode stored = api.get("/api/rooms/" + room).json();
            long finalRevision = stored.get("revision").longValue();
            long ops = clients.stream().mapToLong(OtClient::acked).sum();
            assertEquals(ops, finalRevision, "every op was sequenced exactly once");
            assertTrue(ops >= 50, "edits travelled as many ops, not a few big ones: " + ops);
            long concurrent = clients.stream().mapToLong(OtClient::transformedAgainstPending).sum();
            assertTrue(concurrent >= 20, "ops crossed in flight, so the server transformed stale ones: " + concurrent);
            for (OtClient c : clients) {
                while (c.revision() < finalRevision) {
                    c.pump(100);
                }
                assertEquals(stored.get("code").textValue(), c.text());
                c.close();
            }
            assertEquals(stored.get("code").textValue(), replayHistory(api, room, "start\n"));
        });
    }

    private static OtClient typeRandomly(int port, String room, long seed) {
        Random random = new Random(seed);
        OtClient client = new OtClient(WsClient.connect(port, "/ws/" + room), "fuzz" + seed);
        for (int i = 0; i < EDITS; i++) {
            client.edit(randomEdit(random, client.text()));
            // Typing pauses; replies are handled only now and then, so ops go out on stale revisions.
            client.pump(random.nextInt(3) == 0 ? 0 : random.nextInt(12));
        }
        while (client.hasPending()) {
            client.pump(50);
        }
        return client;
    }

    /** An insert or delete at a random place, never inside a surrogate pair, as an editor makes them. */
    public static TextOperation randomEdit(Random random, String text) {
        int position = boundary(text, random.nextInt(text.length() + 1));
        TextOperation.Builder op = TextOperation.builder().retain(position);
        int rest = text.length() - position;
        if (rest > 0 && random.nextInt(3) == 0) {
            int end = boundary(text, position + 1 + random.nextInt(Math.min(rest, 4)));
            if (end > position) {
                return op.delete(end - position).retain(text.length() - end).build();
            }
        }
        StringBuilder inserted = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            inserted.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return op.insert(inserted.toString()).retain(rest).build();
    }

    private static int boundary(String text, int position) {
        boolean inside = position > 0 && position < text.length()
                && Character.isLowSurrogate(text.charAt(position)) && Character.isHighSurrogate(text.charAt(position - 1));
        return inside ? position + 1 : position;
    }

    public static String replayHistory(Api api, String room, String initial) {
        String text = initial;
        long since = 0;
        while (true) {
            JsonNode operations = api.get("/api/rooms/" + room + "/history?since=" + since + "&limit=500").json()
                    .get("operations");
            if (operations.isEmpty()) {
                return text;
            }
            for (JsonNode entry : operations) {
                assertEquals(since + 1, entry.get("revision").longValue(), "no gaps in the history");
                text = TextOperation.fromJson(entry.get("op")).apply(text);
                since = entry.get("revision").longValue();
            }
            assertTrue(since > 0);
        }
    }
}
