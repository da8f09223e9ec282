package io.pairpad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.TestDatabase;
import io.pairpad.TestRedis;
import io.pairpad.WsClient;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The nginx configuration printed in the README, run for real in front of three instances: REST and
 * WebSockets (with the upgrade) pass through it, and the sockets of one room are routed to one instance.
 */
class NginxTest {

    @Test
    void theReadmeConfigurationServesThreeInstances() throws Exception {
        Path nginx = findNginx();
        List<PairpadApp> instances = new ArrayList<>();
        try (TestRedis redis = TestRedis.start()) {
            Config config = Config.defaults().withPort(0).withRedisUrl(redis.url());
            for (int i = 0; i < 3; i++) {
                instances.add(new PairpadApp(config, TestDatabase.get()).start());
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("pairpad-nginx");
            Files.writeString(dir.resolve("nginx.conf"), wrap(readmeBlock(), instances, port, dir));
            RedisClient watcher = RedisClient.create(redis.url());
            Process process = new ProcessBuilder(nginx.toString(), "-c", dir.resolve("nginx.conf").toString(),
                    "-p", dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile())
                    .start();
            try {
                Api api = new Api(port);
                awaitUp(api);
                String room = api.post("/api/rooms", "{\"code\": \"\"}").json().get("roomId").textValue();
                List<String> joinedVia = instancesAnnouncingJoins(watcher, room);
                List<WsClient> clients = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    WsClient client = WsClient.connect(port, "/ws/" + room + "?name=n" + i);
                    client.next("init");
                    clients.add(client);
                }
                awaitJoins(joinedVia, 6);
                assertEquals(1, new HashSet<>(joinedVia).size(), "the room's sockets are routed to one instance");
                WsClient writer = clients.get(0);
                writer.send("{\"type\":\"op\",\"revision\":0,\"id\":\"w:1\",\"op\":[\"through nginx\"]}");
                assertEquals(1, writer.next("ack").get("revision").intValue());
                for (WsClient reader : clients.subList(1, clients.size())) {
                    JsonNode op = reader.next("op");
                    assertEquals(1, op.get("revision").intValue());
                }
                assertEquals("through nginx", api.get("/api/rooms/" + room).json().get("code").textValue());
                clients.forEach(WsClient::close);
            } finally {
                process.destroy();
                process.waitFor();
                watcher.shutdown();
            }
        } finally {
            instances.forEach(PairpadApp::stop);
        }
    }

    /**
     * The instance that announced each client joining, from the room's bus channel from now on (the "from" of
     * each JOINED event, once per client: an instance announces its users again when another asks with SYNC),
     * filled in as they are announced.
     */
    private static List<String> instancesAnnouncingJoins(RedisClient watcher, String room) {
        List<String> from = Collections.synchronizedList(new ArrayList<>());
        Set<String> clients = ConcurrentHashMap.newKeySet();
        ObjectMapper mapper = new ObjectMapper();
        StatefulRedisPubSubConnection<String, String> pubsub = watcher.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    JsonNode event = mapper.readTree(message);
                    if ("JOINED".equals(event.path("kind").textValue())
                            && clients.add(event.path("clientId").textValue())) {
                        from.add(event.path("from").textValue());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        pubsub.sync().subscribe("pairpad:room:" + room);
        return from;
    }

    private static void awaitJoins(List<String> joins, int expected) throws InterruptedException {
        for (int i = 0; i < 100 && joins.size() < expected; i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, joins.size(), "every join is announced on the bus");
    }

    private static String readmeBlock() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        if (!block.find()) {
            throw new AssertionError("README.md has no nginx block");
        }
        return block.group(1);
    }

    /** The README's block inside a minimal nginx.conf, pointed at this test's ports. */
    private static String wrap(String block, List<PairpadApp> instances, int port, Path dir) {
        String servers = block;
        for (int i = 0; i < instances.size(); i++) {
            servers = servers.replace("127.0.0.1:" + (8081 + i), "127.0.0.1:" + instances.get(i).javalin().port());
        }
        servers = servers.replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
        return "daemon off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\nerror_log "
                + dir.resolve("error.log") + ";\nevents { worker_connections 256; }\nhttp {\n    access_log off;\n"
                + "    client_body_temp_path " + dir + "/body;\n    proxy_temp_path " + dir + "/proxy;\n"
                + "    fastcgi_temp_path " + dir + "/fastcgi;\n    uwsgi_temp_path " + dir + "/uwsgi;\n"
                + "    scgi_temp_path " + dir + "/scgi;\n" + servers + "}\n";
    }

    private static Path findNginx() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
            if (new File(candidate).canExecute()) {
                return Path.of(candidate);
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("nginx is required in CI (apt-get install nginx)");
        }
        Assumptions.abort("nginx is not installed; skipping the load balancer test");
        return null;
    }

    private static void awaitUp(Api api) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // nginx is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not come up");
    }
}
