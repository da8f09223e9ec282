package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.TestApp;
import io.pairpad.TestDatabase;
import io.pairpad.WsClient;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class CollabSocketTest {

    static String createRoom(Api api, String code) throws Exception {
        String body = TestApp.JSON.writeValueAsString(java.util.Map.of("language", "python", "code", code));
        return api.post("/api/rooms", body).json().get("roomId").textValue();
    }

    @Test
    void initThenPresenceOfOthers() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "hello");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room + "?name=Ada")) {
                JsonNode init = ada.next();
                assertEquals("init", init.get("type").textValue());
                assertEquals("hello", init.get("code").textValue());
                assertEquals("python", init.get("language").textValue());
                assertEquals(0, init.get("revision").intValue());
                assertEquals(0, init.get("users").size());
                String adaId = init.get("clientId").textValue();

                try (WsClient bob = WsClient.connect(server.port(), "/ws/" + room + "?name=%20Bob%20")) {
                    JsonNode bobInit = bob.next("init");
                    assertEquals(1, bobInit.get("users").size());
                    JsonNode adaUser = bobInit.get("users").get(0);
                    assertEquals(adaId, adaUser.get("clientId").textValue());
                    assertEquals("Ada", adaUser.get("name").textValue());
                    assertTrue(adaUser.get("color").textValue().startsWith("#"));

                    JsonNode joined = ada.next("user_joined");
                    assertEquals("Bob", joined.get("user").get("name").textValue());
                    assertEquals(2, joined.get("activeUsers").intValue());
                    assertNotEquals(adaUser.get("color").textValue(), joined.get("user").get("color").textValue());
                    assertEquals(2, api.get("/api/rooms/" + room).json().get("activeUsers").intValue());
                    String bobId = bobInit.get("clientId").textValue();
                    bob.close();
                    JsonNode left = ada.next("user_left");
                    assertEquals(bobId, left.get("clientId").textValue());
                    assertEquals(1, left.get("activeUsers").intValue());
                }
            }
        });
    }

    /** The server reads a WebSocket in pieces of 512 bytes: a message of many pieces still arrives whole. */
    @Test
    void aMessageLargerThanTheReadBufferArrivesWhole() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            String paste = "print('a line pasted in')\n".repeat(4_000) + "é€😀";
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                bob.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:paste\",\"op\":["
                        + TestApp.JSON.writeValueAsString(paste) + "]}");
                assertEquals(1, ada.next("ack").get("revision").intValue());
                assertEquals(paste, bob.next("op").get("op").get(0).textValue());
                assertEquals(paste, api.get("/api/rooms/" + room).json().get("code").textValue());
            }
        });
    }

    @Test
    void opIsAckedToItsAuthorAndSentToOthers() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "hello world");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                String adaId = ada.next("init").get("clientId").textValue();
                bob.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[6,-5,\"there\"]}");
                JsonNode ack = ada.next("ack");
                assertEquals(1, ack.get("revision").intValue());
                assertEquals("a:1", ack.get("id").textValue());
                JsonNode op = bob.next("op");
                assertEquals(1, op.get("revision").intValue());
                assertEquals("[6,\"there\",-5]", op.get("op").toString(), "normalised: insert before delete");
                assertEquals(adaId, op.get("clientId").textValue());
                JsonNode stored = api.get("/api/rooms/" + room).json();
                assertEquals("hello there", stored.get("code").textValue());
                assertEquals(1, stored.get("revision").intValue());
            }
        });
    }

    @Test
    void concurrentOpsOnTheSameRevisionAreTransformed() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "abc");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                bob.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[\"X\",3]}");
                ada.next("ack");
                bob.send("{\"type\":\"op\",\"revision\":0,\"id\":\"b:1\",\"op\":[3,\"Y\"]}");
                JsonNode ack = bob.next("ack");
                assertEquals(2, ack.get("revision").intValue());
                JsonNode transformed = ada.next("op");
                assertEquals("[4,\"Y\"]", transformed.get("op").toString(), "shifted past Ada's insert");
                assertEquals("XabcY", api.get("/api/rooms/" + room).json().get("code").textValue());
            }
        });
    }

    @Test
    void resentOpIdIsAckedAgainAndNotAppliedTwice() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            typeHiAndLeave(server.port(), room);
            try (WsClient again = WsClient.connect(server.port(), "/ws/" + room)) {
                assertEquals("hi", again.next("init").get("code").textValue());
                again.send("{\"type\":\"op\",\"revision\":0,\"id\":\"k3:17\",\"op\":[\"hi\"]}");
                JsonNode ack = again.next("ack");
                assertEquals(1, ack.get("revision").intValue());
                assertEquals("k3:17", ack.get("id").textValue());
                again.send("{\"type\":\"op\",\"revision\":1,\"id\":\"k3:18\",\"op\":[2,\"!\"]}");
                assertEquals(2, again.next("ack").get("revision").intValue());
            }
            assertEquals("hi!", api.get("/api/rooms/" + room).json().get("code").textValue());
            assertEquals(2, api.get("/api/rooms/" + room + "/history").json().get("operations").size());
        });
    }

    @Test
    void anOpIdTheRoomNoLongerRemembersIsAckedAsAResendAndTheRoomGoesOn() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            typeHiAndLeave(server.port(), room);
            // The room was dropped from memory; reloaded, it knows no op ids, and this base is not an old one.
            try (WsClient again = WsClient.connect(server.port(), "/ws/" + room);
                    WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                again.next("init");
                bob.next("init");
                again.send("{\"type\":\"op\",\"revision\":1,\"id\":\"k3:17\",\"op\":[2,\"?\"]}");
                JsonNode ack = again.next("ack");
                assertEquals(1, ack.get("revision").intValue());
                assertEquals("k3:17", ack.get("id").textValue());
                bob.send("{\"type\":\"op\",\"revision\":1,\"id\":\"b:1\",\"op\":[2,\"!\"]}");
                assertEquals(2, bob.next("ack").get("revision").intValue());
                assertEquals("[2,\"!\"]", again.next("op").get("op").toString());
            }
            assertEquals("hi!", api.get("/api/rooms/" + room).json().get("code").textValue());
            assertEquals(2, api.get("/api/rooms/" + room + "/history").json().get("operations").size());
        });
    }

    /** Ada types "hi" as op k3:17 and leaves, so the room is dropped from memory. */
    private static void typeHiAndLeave(int port, String room) {
        try (WsClient ada = WsClient.connect(port, "/ws/" + room)) {
            ada.next("init");
            ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"k3:17\",\"op\":[\"hi\"]}");
            assertEquals(1, ada.next("ack").get("revision").intValue());
        }
    }

    @Test
    void codeUpdateClientsStayInSyncWithOpClients() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "line one\nline two\n");
            try (WsClient simple = WsClient.connect(server.port(), "/ws/" + room + "?updates=full");
                 WsClient editor = WsClient.connect(server.port(), "/ws/" + room)) {
                simple.next("init");
                editor.next("init");
                simple.send("{\"type\":\"code_update\",\"code\":\"line ONE\\nline two\\n\",\"revision\":0,\"id\":\"s:1\"}");
                assertEquals(1, simple.next("ack").get("revision").intValue());
                JsonNode op = editor.next("op");
                assertEquals("[5,\"ONE\",-3,10]", op.get("op").toString(), "only the changed word");
                editor.send("{\"type\":\"op\",\"revision\":1,\"id\":\"e:1\",\"op\":[18,\"line three\\n\"]}");
                editor.next("ack");
                JsonNode update = simple.next("code_update");
                assertEquals("line ONE\nline two\nline three\n", update.get("code").textValue());
                assertEquals(2, update.get("revision").intValue());
            }
        });
    }

    @Test
    void codeUpdatesOnDifferentLinesOfOneOldTextBothSurvive() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "a = 1\nb = 2\nc = 3\n");
            try (WsClient one = WsClient.connect(server.port(), "/ws/" + room + "?updates=full");
                 WsClient two = WsClient.connect(server.port(), "/ws/" + room + "?updates=full")) {
                one.next("init");
                two.next("init");
                one.send("{\"type\":\"code_update\",\"code\":\"a = 10\\nb = 2\\nc = 3\\n\",\"revision\":0}");
                two.send("{\"type\":\"code_update\",\"code\":\"a = 1\\nb = 2\\nc = 30\\n\",\"revision\":0}");
                one.next("ack");
                two.next("ack");
                assertEquals("a = 10\nb = 2\nc = 30\n", api.get("/api/rooms/" + room).json().get("code").textValue());
            }
        });
    }

    @Test
    void cursorsAreRelayedAndMovedByLaterOps() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "abcdef");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room + "?name=Ada");
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room + "?name=Bob")) {
                String adaId = ada.next("init").get("clientId").textValue();
                bob.next("init");
                ada.send("{\"type\":\"cursor\",\"anchor\":3,\"head\":4,\"revision\":0}");
                JsonNode cursor = bob.next("cursor");
                assertEquals(adaId, cursor.get("clientId").textValue());
                assertEquals(3, cursor.get("anchor").intValue());
                assertEquals(4, cursor.get("head").intValue());
                bob.send("{\"type\":\"op\",\"revision\":0,\"id\":\"b:1\",\"op\":[\"XY\",6]}");
                bob.next("ack");
                try (WsClient cy = WsClient.connect(server.port(), "/ws/" + room + "?name=Cy")) {
                    JsonNode users = cy.next("init").get("users");
                    JsonNode adaUser = users.get(0).get("clientId").textValue().equals(adaId) ? users.get(0)
                            : users.get(1);
                    assertEquals(5, adaUser.get("anchor").intValue(), "caret stays on its character");
                    assertEquals(6, adaUser.get("head").intValue());
                }
                ada.send("{\"type\":\"cursor\",\"anchor\":99,\"head\":0,\"revision\":1}");
                assertEquals("validation_failed", ada.next("error").get("error").textValue());
            }
        });
    }

    @Test
    void languageChangesReachEveryoneAndTheRoom() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                String adaId = ada.next("init").get("clientId").textValue();
                bob.next("init");
                ada.send("{\"type\":\"language\",\"language\":\"rust\"}");
                JsonNode change = bob.next("language");
                assertEquals("rust", change.get("language").textValue());
                assertEquals(adaId, change.get("clientId").textValue());
                assertEquals("rust", api.get("/api/rooms/" + room).json().get("language").textValue());
                ada.send("{\"type\":\"language\",\"language\":\"cobol\"}");
                assertEquals("unsupported_language", ada.next("error").get("error").textValue());
                api.patch("/api/rooms/" + room, "{\"language\":\"go\"}");
                assertEquals("go", ada.next("language").get("language").textValue());
                JsonNode fromRest = bob.next("language");
                assertEquals("go", fromRest.get("language").textValue());
                assertTrue(fromRest.get("clientId").isNull());
            }
        });
    }

    /** The room holds only its latest ops in memory; a late op or a resend from before them is served from the log. */
    @Test
    void anOpOrAResendFromBeforeTheRoomsWindowIsServedFromTheLog() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                bob.next("init");
                for (int revision = 0; revision < 100; revision++) {
                    ada.send("{\"type\":\"op\",\"revision\":" + revision + ",\"id\":\"a:" + revision
                            + "\",\"op\":[" + (revision == 0 ? "" : revision + ",") + "\"a\"]}");
                    assertEquals(revision + 1, ada.next("ack").get("revision").intValue());
                }
                bob.send("{\"type\":\"op\",\"revision\":0,\"id\":\"b:late\",\"op\":[\"b\"]}");
                assertEquals(101, bob.next("ack").get("revision").intValue());
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:0\",\"op\":[\"a\"]}");
                assertEquals(1, ada.next("ack").get("revision").intValue(), "a resend is acked with its revision");

                JsonNode stored = api.get("/api/rooms/" + room).json();
                assertEquals(101, stored.get("revision").intValue(), "the resend was not applied again");
                assertEquals("b" + "a".repeat(100), stored.get("code").textValue());
            }
        });
    }

    /**
     * Messages are read on the socket selector's thread; one that waits for the database must not hold up
     * the other sockets, nor be overtaken by the later messages of its own connection.
     */
    @Test
    void aLanguageChangeWaitingForTheDatabaseHoldsUpNoOtherRoomAndKeepsItsOrder() throws Exception {
        Jdbi jdbi = Jdbi.create(TestDatabase.get().dataSource());
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String slowRoom = createRoom(api, "");
            String otherRoom = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + slowRoom);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + slowRoom);
                 WsClient cy = WsClient.connect(server.port(), "/ws/" + otherRoom);
                 WsClient dee = WsClient.connect(server.port(), "/ws/" + otherRoom);
                 org.jdbi.v3.core.Handle locker = jdbi.open()) {
                ada.next("init");
                bob.next("init");
                cy.next("init");
                dee.next("init");
                locker.begin();
                locker.createQuery("SELECT id FROM rooms WHERE id = CAST(:id AS uuid) FOR UPDATE")
                        .bind("id", slowRoom).mapTo(String.class).one();

                ada.send("{\"type\":\"language\",\"language\":\"rust\"}");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[\"after\"]}");
                cy.send("{\"type\":\"op\",\"revision\":0,\"id\":\"c:1\",\"op\":[\"meanwhile\"]}");
                assertEquals(1, cy.nextWithin("ack", 3_000).get("revision").intValue(),
                        "another room's op is acked while the language change waits for its row lock");
                assertEquals("meanwhile", dee.nextWithin("op", 3_000).get("op").get(0).textValue());
                for (JsonNode seen = bob.poll(300); seen != null; seen = bob.poll(300)) {
                    assertEquals("user_joined", seen.get("type").textValue(),
                            "nothing of ada's reaches bob while her language change waits: " + seen);
                }

                locker.rollback();
                assertEquals("rust", bob.next("language").get("language").textValue());
                assertEquals("after", bob.next("op").get("op").get(0).textValue(),
                        "the op ada sent after the language change comes after it");
                assertEquals(1, ada.next("ack").get("revision").intValue());
            }
        });
    }

    @Test
    void restCodeChangeReachesEditorsAsAnOp() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "x = 1\n");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                Api.Reply patched = api.patch("/api/rooms/" + room, "{\"code\":\"x = 2\\n\"}");
                assertEquals(200, patched.status());
                assertEquals(1, patched.json().get("revision").intValue());
                JsonNode op = ada.next("op");
                assertEquals(1, op.get("revision").intValue());
                assertEquals("[4,\"2\",-1,1]", op.get("op").toString());
                assertTrue(op.get("clientId").isNull());
            }
        });
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionStays() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "abc");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                bob.next("init");
                ada.send("not json");
                assertEquals("invalid_json", ada.next("error").get("error").textValue());
                ada.send("[1]");
                assertEquals("invalid_json", ada.next("error").get("error").textValue());
                ada.send("{\"type\":\"dance\"}");
                assertEquals("unknown_type", ada.next("error").get("error").textValue());
                ada.send("{\"type\":\"op\",\"revision\":0,\"op\":[3,\"x\"]}");
                assertEquals("validation_failed", ada.next("error").get("error").textValue());
                ada.send("{\"type\":\"op\",\"revision\":-1,\"id\":\"x\",\"op\":[3,\"x\"]}");
                assertEquals("validation_failed", ada.next("error").get("error").textValue());
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"" + "x".repeat(65) + "\",\"op\":[3]}");
                assertEquals("validation_failed", ada.next("error").get("error").textValue());

                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[5,\"x\"]}");
                assertEquals("invalid_op", ada.next("error").get("error").textValue());
                JsonNode resync = ada.next();
                assertEquals("init", resync.get("type").textValue(), "a fresh init follows invalid_op");
                ada.send("{\"type\":\"op\",\"revision\":7,\"id\":\"a:2\",\"op\":[3,\"x\"]}");
                assertEquals("invalid_op", ada.next("error").get("error").textValue());
                ada.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:3\",\"op\":[1e30]}");
                assertEquals("invalid_op", ada.next("error").get("error").textValue());
                ada.next("init");

                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:5\",\"op\":[3,\"\\ud83d\"]}");
                assertEquals("invalid_op", ada.next("error").get("error").textValue(), "half an emoji");
                ada.next("init");

                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:4\",\"op\":[3,\"!\"],\"roomId\":\""
                        + UUID.randomUUID() + "\"}");
                assertEquals(1, ada.next("ack").get("revision").intValue(), "a room field is ignored");
                assertEquals("[3,\"!\"]", bob.next("op").get("op").toString());
                assertNull(bob.poll(200), "bob heard nothing of ada's bad messages");
                assertEquals("abc!", api.get("/api/rooms/" + room).json().get("code").textValue());
            }
        });
    }

    @Test
    void deletingARoomWhileItsUserTypesLeavesNoOpBehind() throws Exception {
        Jdbi jdbi = Jdbi.create(TestDatabase.get().dataSource());
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:0\",\"op\":[\"x\"]}");
                ada.next("ack");
                for (int revision = 1; revision < 5; revision++) {
                    ada.send("{\"type\":\"op\",\"revision\":" + revision + ",\"id\":\"a:" + revision
                            + "\",\"op\":[" + revision + ",\"x\"]}");
                    ada.next("ack");
                }
                ada.send("{\"type\":\"op\",\"revision\":5,\"id\":\"a:5\",\"op\":[5,\"y\"]}");
                assertEquals(204, api.delete("/api/rooms/" + room).status());
                assertEquals(4410, ada.awaitClose());
            }
            long deadline = System.currentTimeMillis() + 5_000;
            long left;
            do {
                left = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM operations WHERE room_id = :r")
                        .bind("r", UUID.fromString(room)).mapTo(Long.class).one());
            } while (left > 0 && System.currentTimeMillis() < deadline);
            assertEquals(0, left, "ops of the deleted room left in the log");
        });
    }

    @Test
    void unknownRoomsClose4404AndDeletedRooms4410() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            try (WsClient nobody = WsClient.connect(server.port(), "/ws/" + UUID.randomUUID());
                 WsClient garbage = WsClient.connect(server.port(), "/ws/not-a-room")) {
                assertEquals(4404, nobody.awaitClose());
                assertEquals(4404, garbage.awaitClose());
            }
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                assertEquals(204, api.delete("/api/rooms/" + room).status());
                assertEquals(4410, ada.awaitClose());
            }
            try (WsClient late = WsClient.connect(server.port(), "/ws/" + room)) {
                assertEquals(4404, late.awaitClose());
            }
        });
    }

    @Test
    void oversizedMessagesClose4413AndOversizedDocumentsAreRefused() {
        Config small = Config.defaults().withLimits(new Config.Limits(20, 1_000, 50, 200, 100, 60));
        TestApp.run(small, (server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[\"" + "x".repeat(21) + "\"]}");
                assertEquals("too_large", ada.next("error").get("error").textValue());
                ada.next("init");
                ada.send("{\"type\":\"code_update\",\"code\":\"" + "y".repeat(21) + "\"}");
                assertEquals("too_large", ada.next("error").get("error").textValue());
                ada.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:2\",\"op\":[\"" + "z".repeat(1_100) + "\"]}");
                assertEquals("too_large", ada.next("error").get("error").textValue());
                assertEquals(4413, ada.awaitClose());
            }
            assertEquals("", api.get("/api/rooms/" + room).json().get("code").textValue());
        });
    }

    @Test
    void floodingIsRateLimitedThenClosed4429() {
        Config strict = Config.defaults().withLimits(new Config.Limits(1000, 10_000, 1, 5, 100, 60));
        TestApp.run(strict, (server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room);
                 WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                bob.next("init");
                for (int i = 0; i < 5; i++) {
                    ada.send("{\"type\":\"cursor\",\"anchor\":0,\"head\":0}");
                }
                ada.send("{\"type\":\"cursor\",\"anchor\":0,\"head\":0}");
                assertEquals("rate_limited", ada.next("error").get("error").textValue());
                for (int i = 0; i < 10 && !ada.isClosed(); i++) {
                    ada.send("{\"type\":\"cursor\",\"anchor\":0,\"head\":0}");
                }
                assertEquals(4429, ada.awaitClose());
                assertTrue(!bob.isClosed(), "the others stay connected");
            }
        });
    }

    @Test
    void connectionsPerRoomAreLimited() {
        Config two = Config.defaults().withLimits(new Config.Limits(1000, 10_000, 50, 200, 2, 60));
        TestApp.run(two, (server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient a = WsClient.connect(server.port(), "/ws/" + room)) {
                a.next("init");
                WsClient b = WsClient.connect(server.port(), "/ws/" + room);
                b.next("init");
                WsClient c = WsClient.connect(server.port(), "/ws/" + room);
                assertEquals("rate_limited", c.next("error").get("error").textValue());
                assertEquals(1013, c.awaitClose());
                b.close();
            }
        });
    }

    @Test
    void crossSiteOriginsAreRefusedAndNonBrowsersAllowed() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            assertThrows(Exception.class, () -> WsClient.connect(server.port(), "/ws/" + room, "https://evil.example"));
            try (WsClient same = WsClient.connect(server.port(), "/ws/" + room, "http://localhost:" + server.port());
                 WsClient script = WsClient.connect(server.port(), "/ws/" + room)) {
                assertEquals("init", same.next().get("type").textValue());
                assertEquals("init", script.next().get("type").textValue());
            }
        });
    }

    @Test
    void historyAndCodeAtAnyRevision() {
        Config fast = Config.defaults().withLimits(new Config.Limits(1_000_000, 1 << 20, 10_000, 10_000, 100, 60));
        TestApp.run(fast, (server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room + "?name=Ada")) {
                String adaId = ada.next("init").get("clientId").textValue();
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= 250; i++) {
                    String ch = Character.toString('a' + i % 26);
                    String op = text.length() == 0 ? "[\"" + ch + "\"]" : "[" + text.length() + ",\"" + ch + "\"]";
                    ada.send("{\"type\":\"op\",\"revision\":" + (i - 1) + ",\"id\":\"h:" + i + "\",\"op\":" + op + "}");
                    assertEquals(i, ada.next("ack").get("revision").intValue());
                    text.append(ch);
                }
                JsonNode page = api.get("/api/rooms/" + room + "/history?since=10&limit=5").json();
                assertEquals(5, page.get("operations").size());
                JsonNode first = page.get("operations").get(0);
                assertEquals(11, first.get("revision").intValue());
                assertEquals(adaId, first.get("clientId").textValue());
                assertEquals("Ada", first.get("name").textValue());
                assertTrue(first.get("op").isArray());
                java.time.Instant.parse(first.get("at").textValue());
                assertEquals(250, api.get("/api/rooms/" + room + "/history").json().get("operations").size());

                for (int revision : new int[] {0, 1, 99, 100, 101, 199, 200, 201, 250}) {
                    JsonNode at = api.get("/api/rooms/" + room + "/code?revision=" + revision).json();
                    assertEquals(revision, at.get("revision").intValue());
                    assertEquals(text.substring(0, revision), at.get("code").textValue(), "revision " + revision);
                }
                assertEquals(250, api.get("/api/rooms/" + room + "/code").json().get("revision").intValue());
                api.get("/api/rooms/" + room + "/code?revision=251").assertError(400, "validation_failed");
                api.get("/api/rooms/" + room + "/code?revision=-1").assertError(400, "validation_failed");
                api.get("/api/rooms/" + room + "/history?limit=0").assertError(400, "validation_failed");
                api.get("/api/rooms/" + room + "/history?since=x").assertError(400, "validation_failed");
                api.get("/api/rooms/" + UUID.randomUUID() + "/history").assertError(404, "room_not_found");
                api.get("/api/rooms/" + UUID.randomUUID() + "/code").assertError(404, "room_not_found");
            }
        });
    }

    @Test
    void staleOpOlderThanTheLoadedRoomIsTransformedAgainstTheStoredLog() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String room = createRoom(api, "abc");
            try (WsClient ada = WsClient.connect(server.port(), "/ws/" + room)) {
                ada.next("init");
                ada.send("{\"type\":\"op\",\"revision\":0,\"id\":\"a:1\",\"op\":[\"1\",3]}");
                ada.next("ack");
                ada.send("{\"type\":\"op\",\"revision\":1,\"id\":\"a:2\",\"op\":[\"2\",4]}");
                ada.next("ack");
            }
            // Everyone left, so the room was dropped from memory; the next connection loads it at revision 2.
            try (WsClient bob = WsClient.connect(server.port(), "/ws/" + room)) {
                assertEquals(2, bob.next("init").get("revision").intValue());
                bob.send("{\"type\":\"op\",\"revision\":0,\"id\":\"b:1\",\"op\":[3,\"!\"]}");
                assertEquals(3, bob.next("ack").get("revision").intValue());
            }
            assertEquals("21abc!", api.get("/api/rooms/" + room).json().get("code").textValue());
        });
    }
}
