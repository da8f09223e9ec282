package io.pairpad.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.ServerProcess;
import io.pairpad.Config;
import io.pairpad.WsClient;
import io.pairpad.collab.IntegrityCheck;
import io.pairpad.db.Database;
import io.pairpad.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the JVM mid-typing: the embedded PostgreSQL is orphaned. A new start on the same data directory
 * stops the orphan, every acked op is there, the unacked op resent with its id lands once, and the integrity
 * check passes.
 */
class KillNineTest {

    @Test
    void aHardKilledServerLosesNoAckedOp() throws Exception {
        Path dataDir = Files.createTempDirectory("pairpad-kill9");
        Path log = dataDir.resolve("server.log");
        String room;
        int acked = 0;
        String unackedId = null;
        long unackedBase = 0;
        try (ServerProcess first = ServerProcess.start(dataDir, log, Map.of())) {
            room = first.api().post("/api/rooms", "{\"code\": \"\"}").json().get("roomId").textValue();
            WsClient typist = WsClient.connect(first.port(), "/ws/" + room);
            long revision = typist.next("init").get("revision").longValue();
            for (int i = 0; i < 60; i++) {
                typist.send(op(i, revision));
                revision = typist.next("ack").get("revision").longValue();
                acked++;
            }
            unackedId = "k:" + acked;
            unackedBase = revision;
            typist.send(op(acked, revision));
            long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            first.killHard();
            assertTrue(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false),
                    "the embedded PostgreSQL outlived the killed JVM");
            typist.close();
        }

        try (ServerProcess second = ServerProcess.start(dataDir, log, Map.of())) {
            Api api = second.api();
            String stored = api.get("/api/rooms/" + room).json().get("code").textValue();
            assertTrue(stored.length() >= acked, "every acked op is there: " + stored.length() + " < " + acked);
            try (WsClient again = WsClient.connect(second.port(), "/ws/" + room)) {
                again.next("init");
                again.send("{\"type\":\"op\",\"revision\":" + unackedBase + ",\"id\":\"" + unackedId
                        + "\",\"op\":[" + acked + ",\"" + letter(acked) + "\"]}");
                JsonNode ack = again.next("ack");
                assertEquals(unackedBase + 1, ack.get("revision").longValue());
            }
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i <= acked; i++) {
                expected.append(letter(i));
            }
            assertEquals(expected.toString(), api.get("/api/rooms/" + room).json().get("code").textValue(),
                    "the resent op landed exactly once");
        }

        Config config = Config.fromEnv(Map.of("PAIRPAD_DATA_DIR", dataDir.toString()));
        try (Database database = Database.open(config)) {
            IntegrityCheck.Report report = new IntegrityCheck(Jdbi.create(database.dataSource()).installPlugins(),
                    Json.mapper(1 << 20)).run();
            assertTrue(report.ok(), report.problems().toString());
            assertEquals(acked + 1, report.ops());
        }
    }

    private static String op(int i, long revision) {
        String insert = i == 0 ? "[\"" + letter(i) + "\"]" : "[" + i + ",\"" + letter(i) + "\"]";
        return "{\"type\":\"op\",\"revision\":" + revision + ",\"id\":\"k:" + i + "\",\"op\":" + insert + "}";
    }

    private static String letter(int i) {
        return Character.toString('a' + i % 26);
    }
}
