package io.pairpad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.OtClient;
import io.pairpad.PairpadApp;
import io.pairpad.ServerProcess;
import io.pairpad.TestDatabase;
import io.pairpad.TestRedis;
import io.pairpad.WsClient;
import io.pairpad.collab.ConvergenceFuzzTest;
import io.pairpad.db.JdbcUrl;
import io.pairpad.ot.TextOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three pairpad instances share one PostgreSQL and one Redis; clients of one room are spread over them. */
class ClusterTest {
    private static final int INSTANCES = 3;

    private TestRedis redis;
    private final List<PairpadApp> instances = new ArrayList<>();

    @BeforeEach
    void startCluster() throws Exception {
        redis = TestRedis.start();
        Config config = Config.defaults().withPort(0).withRedisUrl(redis.url())
                .withLimits(new Config.Limits(1_000_000, 1 << 21, 10_000, 10_000, 100, 10_000));
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new PairpadApp(config, TestDatabase.get()).start());
        }
    }

    @AfterEach
    void stopCluster() throws Exception {
        instances.forEach(PairpadApp::stop);
        if (redis != null) {
            redis.close();
        }
    }

    private int port(int instance) {
        return instances.get(instance % INSTANCES).javalin().port();
    }

    private Api api(int instance) {
        return new Api(port(instance));
    }

    @Test
    void clientsOnEveryInstanceConvergeWithGaplessRevisions() throws Exception {
        String room = api(0).post("/api/rooms", "{\"code\": \"shared\\n\"}").json().get("roomId").textValue();
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<OtClient>> typing = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int instance = c;
            long seed = 77L + c;
            typing.add(pool.submit(() -> type(port(instance), room, seed, 120)));
        }
        List<OtClient> done = new ArrayList<>();
        for (Future<OtClient> f : typing) {
            done.add(f.get());
        }
        pool.shutdown();
        JsonNode stored = api(1).get("/api/rooms/" + room).json();
        long finalRevision = stored.get("revision").longValue();
        assertEquals(done.stream().mapToLong(OtClient::acked).sum(), finalRevision, "each op sequenced once");
        for (OtClient client : done) {
            while (client.revision() < finalRevision) {
                if (client.pump(200) == 0 && client.revision() < finalRevision) {
                    // nothing came: the op must have been lost on the way
                    assertTrue(client.revision() >= finalRevision, "client stuck at " + client.revision());
                }
            }
            assertEquals(stored.get("code").textValue(), client.text());
        }
        for (int i = 0; i < INSTANCES; i++) {
            assertEquals(stored.get("code").textValue(), api(i).get("/api/rooms/" + room).json().get("code").textValue());
        }
        assertEquals(stored.get("code").textValue(), ConvergenceFuzzTest.replayHistory(api(2), room, "shared\n"));
        done.forEach(OtClient::close);
    }

    @Test
    void presenceCountsEveryInstance() throws Exception {
        String room = api(0).post("/api/rooms", "{}").json().get("roomId").textValue();
        List<WsClient> sockets = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            WsClient socket = WsClient.connect(port(i), "/ws/" + room + "?name=user" + i);
            socket.next("init");
            sockets.add(socket);
        }
        for (int i = 0; i < INSTANCES; i++) {
            int instance = i;
            awaitTrue(() -> api(instance).get("/api/rooms/" + room).json().get("activeUsers").intValue() == 3,
                    "instance " + i + " counts all three users");
        }
        try (WsClient late = WsClient.connect(port(0), "/ws/" + room)) {
            JsonNode init = late.next("init");
            assertEquals(3, init.get("users").size(), "init lists the users of every instance: " + init);
        }
        sockets.get(2).close();
        awaitTrue(() -> api(0).get("/api/rooms/" + room).json().get("activeUsers").intValue() == 2,
                "a user who left another instance leaves here too");
        sockets.forEach(WsClient::close);
    }

    @Test
    void aRoomOpenedWhileRedisWasDownHearsTheOthersOnceItIsBack() throws Exception {
        String room = api(0).post("/api/rooms", "{}").json().get("roomId").textValue();
        redis.stop();
        awaitTrue(() -> api(0).get("/health").json().path("redis").asText().equals("down"), "health says redis down");
        try (WsClient early = WsClient.connect(port(0), "/ws/" + room + "?name=Early")) {
            early.next("init");
            redis.resume();
            for (int i = 0; i < INSTANCES; i++) {
                int instance = i;
                awaitTrue(() -> api(instance).get("/health").json().path("redis").asText().equals("ok"),
                        "instance " + i + " sees redis again");
            }
            try (WsClient late = WsClient.connect(port(1), "/ws/" + room + "?name=Late")) {
                late.next("init");
                assertEquals("Early", late.nextWithin("user_joined", 5_000).get("user").get("name").textValue());
                assertEquals("Late", early.nextWithin("user_joined", 5_000).get("user").get("name").textValue());
                assertEquals(2, api(0).get("/api/rooms/" + room).json().get("activeUsers").intValue());
            }
        }
    }

    @Test
    void languageChangesAndDeletesCrossInstances() throws Exception {
        String room = api(0).post("/api/rooms", "{}").json().get("roomId").textValue();
        try (WsClient onZero = WsClient.connect(port(0), "/ws/" + room);
             WsClient onOne = WsClient.connect(port(1), "/ws/" + room)) {
            onZero.next("init");
            onOne.next("init");
            api(2).patch("/api/rooms/" + room, "{\"language\": \"rust\"}").response();
            assertEquals("rust", onZero.next("language").get("language").textValue());
            assertEquals("rust", onOne.next("language").get("language").textValue());
            onZero.send("{\"type\":\"language\",\"language\":\"go\"}");
            assertEquals("go", onOne.next("language").get("language").textValue());
            api(2).patch("/api/rooms/" + room, "{\"code\": \"fn main() {}\"}");
            assertEquals("fn main() {}", TextOperation.fromJson(onOne.next("op").get("op")).apply(""));
            assertEquals(204, api(2).delete("/api/rooms/" + room).status());
            assertEquals(4410, onZero.awaitClose());
            assertEquals(4410, onOne.awaitClose());
        }
    }

    @Test
    void aRedisRestartMidEditingLosesNothing() throws Exception {
        String room = api(0).post("/api/rooms", "{\"code\": \"\"}").json().get("roomId").textValue();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<OtClient>> typing = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int instance = c;
            long seed = 500L + c;
            typing.add(pool.submit(() -> type(port(instance), room, seed, 150)));
        }
        Thread.sleep(300);
        redis.stop();
        awaitTrue(() -> api(0).get("/health").json().path("redis").asText().equals("down"), "health says redis down");
        Thread.sleep(1_000);
        redis.resume();
        awaitTrue(() -> api(0).get("/health").json().path("redis").asText().equals("ok"), "health says redis ok");
        List<OtClient> done = new ArrayList<>();
        for (Future<OtClient> f : typing) {
            done.add(f.get());
        }
        pool.shutdown();
        JsonNode stored = api(2).get("/api/rooms/" + room).json();
        long finalRevision = stored.get("revision").longValue();
        assertEquals(done.stream().mapToLong(OtClient::acked).sum(), finalRevision, "nothing acked was lost");
        for (OtClient client : done) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (client.revision() < finalRevision && System.currentTimeMillis() < deadline) {
                client.pump(200);
            }
            assertEquals(stored.get("code").textValue(), client.text());
            client.close();
        }
        assertEquals(stored.get("code").textValue(), ConvergenceFuzzTest.replayHistory(api(1), room, ""));
    }

    @Test
    void usersOfAHardKilledInstanceLeaveWithin15Seconds() throws Exception {
        String room = api(0).post("/api/rooms", "{}").json().get("roomId").textValue();
        JdbcUrl db = TestDatabase.url();
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", db.url(), "REDIS_URL", redis.url()));
        db.user().ifPresent(user -> env.put("DATABASE_USER", user));
        db.password().ifPresent(password -> env.put("DATABASE_PASSWORD", password));
        Path dir = Files.createTempDirectory("pairpad-cluster-kill");
        try (ServerProcess doomed = ServerProcess.start(dir, dir.resolve("server.log"), env);
             WsClient survivor = WsClient.connect(port(0), "/ws/" + room + "?name=Survivor");
             WsClient victim = WsClient.connect(doomed.port(), "/ws/" + room + "?name=Victim")) {
            survivor.next("init");
            victim.next("init");
            JsonNode joined = survivor.next("user_joined");
            assertEquals("Victim", joined.get("user").get("name").textValue());
            assertEquals(2, joined.get("activeUsers").intValue());

            doomed.killHard();
            long killedAt = System.nanoTime();
            JsonNode left = survivor.nextWithin("user_left", 15_000);
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            assertEquals(joined.get("user").get("clientId").textValue(), left.get("clientId").textValue());
            assertEquals(1, left.get("activeUsers").intValue());
            assertTrue(seconds < 15, "gone from presence after " + seconds + " s");

            survivor.send("{\"type\":\"op\",\"revision\":0,\"id\":\"s:1\",\"op\":[\"still here\"]}");
            assertEquals(1, survivor.next("ack").get("revision").intValue(), "the survivor keeps editing");
        }
    }

    static OtClient type(int port, String room, long seed, int edits) {
        Random random = new Random(seed);
        OtClient client = new OtClient(WsClient.connect(port, "/ws/" + room), "c" + seed);
        for (int i = 0; i < edits; i++) {
            client.edit(ConvergenceFuzzTest.randomEdit(random, client.text()));
            client.pump(random.nextInt(3) == 0 ? 0 : random.nextInt(12));
        }
        while (client.hasPending()) {
            client.pump(50);
        }
        return client;
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not within 15 s: " + what);
    }
}
