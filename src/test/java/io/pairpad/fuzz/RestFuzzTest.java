package io.pairpad.fuzz;

import static io.pairpad.fuzz.RestOracle.require;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz of every REST endpoint: near-valid bodies made from the OpenAPI schemas and then mutated, garbage
 * bytes, odd content types, odd query parameters, malformed room ids, odd methods and unknown paths. Every
 * answer must be a PROTOCOL.md status with, on failure, exactly the {error, message} body, never a 500. One
 * guarded room takes the brunt of it, and its text, revision and history must afterwards be exactly what the
 * accepted requests made of them.
 *
 * <p>Each case has its own seed, printed when it fails; {@code -Dfuzz.case=SEED} reruns that case alone,
 * {@code -Dfuzz.seed} and {@code -Dfuzz.rest.cases} change the run.
 */
class RestFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_2026L);
    private static final int CASES = Integer.getInteger("fuzz.rest.cases", 2000);
    private static final Long ONLY = Long.getLong("fuzz.case");
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final String[] CONTENT_TYPES = {
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
        "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/xml", "*/*", "", ";;;", null,
    };
    private static final String[] ODD_METHODS = {"PUT", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND", "PATCH",
        "DELETE", "POST", "GET"};
    private static final String[] NUMBER_PARAMS = {"-1", "0", "1", "2", "abc", "1e9", "1e400", "1.5", "-0", "",
        "9223372036854775807", "9223372036854775808", "10000", "10001", "+1", "0x10", " 1", "1%00", "%ff", "１",
        "99999999999999999999999", "NaN", "null", "[]", "%2d1"};

    /** Bodies every endpoint that reads one gets, whatever the random cases do. */
    private static final String[] CORPUS = {
        "", " ", "{}", "[]", "null", "0", "\"x\"", "{", "}", "{\"code\":", "{\"code\":\"x\"", "{\"code\":\"x\"}}",
        "{\"code\":\"x\"} trailing", "{\"code\":\"x\"}{}", "{\"code\":\"x\",\"code\":\"y\"}",
        "{\"language\":\"python\",\"language\":\"go\"}", "{\"code\":1e400}", "{\"code\":\"x\",\"cursorPosition\":1e400}",
        "{\"code\":\"ab\",\"cursorPosition\":9223372036854775808,\"language\":\"python\"}",
        "{\"code\":\"ab\",\"cursorPosition\":-0,\"language\":\"python\"}",
        "{\"code\":\"ab\",\"cursorPosition\":1.5,\"language\":\"python\"}",
        "{\"code\":\"ab\",\"cursorPosition\":-1,\"language\":\"python\"}",
        "{\"code\":\"ab\",\"cursorPosition\":3,\"language\":\"python\"}",
        "{\"code\":\"ab\",\"cursor\":2,\"cursorPosition\":null,\"language\":\"python\"}",
        "{\"code\":\"\\ud83d\\ude00\",\"cursorPosition\":1,\"language\":\"python\"}",
        "{\"code\":\"\\ud83d\"}", "{\"code\":\"a\\ude00\"}", "{\"code\":\"\\u0000\"}", "{\"code\":\"a\\u0000b\",\"language\":\"go\"}",
        "{\"language\":\"\\ud83d\"}", "{\"language\":\"python\\u0000\"}", "{\"language\":\"PYTHON\"}",
        "{\"language\":null,\"code\":null}", "{\"language\":[\"python\"]}", "{\"code\":{\"a\":1}}", "{\"code\":true}",
        "{\"code\":" + Weird.deep(new Random(1), 31) + "}", "{\"code\":" + Weird.deep(new Random(2), 33) + "}",
        "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
        "{\"code\":\"" + "9".repeat(100_000) + "\"}", "{\"code\":" + "9".repeat(1_000) + "}",
        "{\"code\":\"x\",\"language\":\"" + "p".repeat(50_000) + "\"}", "\ufeff{\"code\":\"x\"}",
        "{'code':'x'}", "{code:\"x\"}", "{\"code\":\"x\",}", "{\"code\":\"x\" /* c */}", "{\"code\":NaN}",
        "{\"code\":\"\\x41\"}", "{\"code\":\"\\u12\"}", "{\"code\":\"tab\there\"}",
    };

    @Test
    void everyEndpointAnswersWithAProtocolStatusAndShape() {
        // Room creation is not rate-limited here, so that the bodies of POST /api/rooms are all parsed.
        Config config = Config.defaults().withLimits(new Config.Limits(1_000_000, MAX_BYTES, 50, 200, 100, 1 << 30));
        StringBuilder summary = new StringBuilder();
        TestApp.run(config, (server, client) -> {
            long started = System.nanoTime();
            Run run = new Run(new RawHttp(server.port()), new Api(server.port()));
            run.setUp();
            if (ONLY != null) {
                run.randomCase(ONLY);
            } else {
                run.corpus();
                Random master = new Random(SEED);
                for (int i = 0; i < CASES; i++) {
                    run.randomCase(master.nextLong());
                }
            }
            try {
                run.finish();
            } catch (AssertionError e) {
                run.failures.add("after the fuzz: " + e.getMessage());
            }
            if (!run.failures.isEmpty()) {
                java.nio.file.Files.write(java.nio.file.Path.of("target", "rest-fuzz-failures.txt"), run.failures);
                throw new AssertionError(run.failures.size() + " failing cases (seed " + SEED + "; all in"
                        + " target/rest-fuzz-failures.txt), the first ones:\n"
                        + String.join("\n", run.failures.subList(0, Math.min(20, run.failures.size()))));
            }
            summary.append(String.format("REST fuzz: %d requests (%d corpus), seed %d, guarded room at revision %d,"
                    + " %.1f s, statuses %s, time by endpoint %s", run.requests, run.corpusRequests, SEED,
                    run.guarded.revision(),
                    (System.nanoTime() - started) / 1e9, run.statuses, run.millis));
        });
        // Printed outside the app's run, which keeps the output of passing tests to itself.
        System.out.println(summary);
    }

    /** One fuzz run: the guarded room's model, the scratch rooms created on the way, and the counts. */
    private static final class Run {
        private final RawHttp http;
        private final Api api;
        private RestOracle.Model guarded;
        private final List<String> scratch = new ArrayList<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final Map<Endpoint, Long> millis = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int requests;
        private int corpusRequests;

        Run(RawHttp http, Api api) {
            this.http = http;
            this.api = api;
        }

        void setUp() {
            String code = "def main():\n    print('héllo 😀')\n";
            JsonNode room = api.post("/api/rooms", "{\"language\":\"python\",\"code\":"
                    + TestApp.JSON.valueToTree(code) + "}").json();
            guarded = new RestOracle.Model(room.get("roomId").textValue(), code, "python");
            for (String next : new String[] {code + "main()\n", "# 中文\n" + code + "main()\n"}) {
                Api.Reply reply = api.patch("/api/rooms/" + guarded.roomId, "{\"code\":" + TestApp.JSON.valueToTree(next) + "}");
                assertEquals(200, reply.status(), reply.body());
                guarded.codes.add(next);
            }
        }

        void corpus() {
            String target = "/api/rooms/" + guarded.roomId;
            for (String body : CORPUS) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                request("corpus", "POST", "/api/rooms", "application/json", bytes, Endpoint.CREATE);
                request("corpus", "PATCH", target, "application/json", bytes, Endpoint.UPDATE);
                request("corpus", "POST", "/api/autocomplete", "application/json", bytes, Endpoint.AUTOCOMPLETE);
                corpusRequests += 3;
            }
            byte[][] invalidUtf8 = {
                {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xff, '"', '}'},
                {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0xbd, '"', '}'},
                {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}'},
                {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xe2, (byte) 0x82, '"', '}'},
            };
            for (byte[] bytes : invalidUtf8) {
                request("corpus", "POST", "/api/rooms", "application/json", bytes, Endpoint.CREATE);
                request("corpus", "PATCH", target, "application/json", bytes, Endpoint.UPDATE);
                corpusRequests += 2;
            }
            // Over the body limit, and under it but over the document limit: both 413.
            for (int size : new int[] {MAX_BYTES, Config.Limits.defaults().maxDocChars() + 1}) {
                String code = "x".repeat(size);
                byte[] huge = ("{\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
                byte[] hugeCompletion = ("{\"code\":\"" + code + "\",\"cursor\":1,\"language\":\"python\"}")
                        .getBytes(StandardCharsets.UTF_8);
                expectTooLarge(request("corpus", "POST", "/api/rooms", "application/json", huge, Endpoint.CREATE));
                expectTooLarge(request("corpus", "PATCH", target, "application/json", huge, Endpoint.UPDATE));
                expectTooLarge(request("corpus", "POST", "/api/autocomplete", "application/json", hugeCompletion,
                        Endpoint.AUTOCOMPLETE));
                corpusRequests += 3;
            }
        }

        void randomCase(long caseSeed) {
            Random random = new Random(caseSeed);
            String label = "case " + caseSeed + " (rerun alone with -Dfuzz.case=" + caseSeed + ")";
            SchemaGen gen = new SchemaGen(random);
            Mutator mutator = new Mutator(random);
            StringBuilder how = new StringBuilder();
            int kind = random.nextInt(100);
            String contentType = random.nextInt(4) == 0 ? Weird.pick(random, CONTENT_TYPES) : "application/json";
            if (kind < 15) {
                byte[] body = random.nextInt(12) == 0 ? null : body(gen.valid("CreateRoomRequest"), random, mutator, how);
                request(label + how, "POST", "/api/rooms", contentType, body, Endpoint.CREATE);
            } else if (kind < 35) {
                byte[] body = body(gen.valid("UpdateRoomRequest"), random, mutator, how);
                request(label + how, "PATCH", "/api/rooms/" + roomId(random, true), contentType, body, Endpoint.UPDATE);
            } else if (kind < 50) {
                byte[] body = body(gen.valid("AutocompleteRequest"), random, mutator, how);
                request(label + how, "POST", "/api/autocomplete", contentType, body, Endpoint.AUTOCOMPLETE);
            } else if (kind < 58) {
                request(label, "GET", "/api/rooms/" + roomId(random, true) + query(random, "x"), null,
                        junkBody(random), Endpoint.ROOM);
            } else if (kind < 64) {
                request(label, "DELETE", "/api/rooms/" + roomId(random, false), null, junkBody(random), Endpoint.DELETE);
            } else if (kind < 74) {
                request(label, "GET", "/api/rooms/" + roomId(random, true) + "/history" + query(random, "since", "limit"),
                        null, null, Endpoint.HISTORY);
            } else if (kind < 82) {
                request(label, "GET", "/api/rooms/" + roomId(random, true) + "/code" + query(random, "revision"),
                        null, null, Endpoint.CODE);
            } else if (kind < 88) {
                String[] paths = {"/api/languages", "/health", "/openapi.json", "/docs", "/", "/demo.html",
                    "/r/" + roomId(random, true)};
                String path = Weird.pick(random, paths);
                Endpoint endpoint = switch (path) {
                    case "/api/languages" -> Endpoint.LANGUAGES;
                    case "/health" -> Endpoint.HEALTH;
                    case "/openapi.json" -> Endpoint.OPENAPI;
                    default -> Endpoint.PAGE;
                };
                request(label, "GET", path + query(random, "name", "x"), contentType, junkBody(random), endpoint);
            } else if (kind < 94) {
                request(label, Weird.pick(random, new String[] {"GET", "POST", "DELETE", "PATCH"}), unknownPath(random),
                        contentType, junkBody(random), Endpoint.UNKNOWN);
            } else {
                String[] known = {"/api/rooms", "/api/rooms/" + guarded.roomId, "/api/languages", "/health",
                    "/api/autocomplete", "/api/rooms/" + guarded.roomId + "/history", "/openapi.json"};
                String method = Weird.pick(random, ODD_METHODS);
                String path = Weird.pick(random, known);
                if (isRoute(method, path)) {
                    method = "PUT";
                }
                boolean headOfGet = method.equals("HEAD") && isRoute("GET", path);
                request(label, method, path, contentType, junkBody(random), headOfGet ? Endpoint.HEAD : Endpoint.UNKNOWN);
            }
        }

        /** The guarded room's state must be exactly what the accepted requests made it. */
        void finish() {
            Integrity.Checked checked = Integrity.check(api, guarded.roomId);
            Integrity.verifyAllRooms();
            assertEquals(guarded.revision(), checked.revision(), "the guarded room's revision");
            assertEquals(guarded.code(), checked.code(), "the guarded room's code");
            assertEquals(guarded.language, checked.language(), "the guarded room's language");
            for (long r = 0; r <= guarded.revision(); r++) {
                JsonNode at = api.get("/api/rooms/" + guarded.roomId + "/code?revision=" + r).json();
                assertEquals(guarded.codes.get((int) r), at.get("code").textValue(), "code at revision " + r);
            }
            for (int i = 0; i < Math.min(5, scratch.size()); i++) {
                Integrity.check(api, scratch.get(i));
            }
        }

        private byte[] body(JsonNode valid, Random random, Mutator mutator, StringBuilder how) {
            String text;
            if (random.nextInt(5) == 0) {
                how.append(" valid");
                text = valid.toString();
            } else {
                text = mutator.mutate((ObjectNode) valid, how);
            }
            if (random.nextInt(500) == 0) {
                how.append(" oversized");
                text = "{\"code\":\"" + "x".repeat(MAX_BYTES + random.nextInt(1000)) + "\"}";
            }
            return mutator.bytes(text, how);
        }

        private static byte[] junkBody(Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                case 1 -> Weird.deep(random, 100).getBytes(StandardCharsets.UTF_8);
                case 2 -> {
                    byte[] noise = new byte[random.nextInt(64)];
                    random.nextBytes(noise);
                    yield noise;
                }
                default -> null;
            };
        }

        /**
         * A room id as a path segment: the guarded room's (also in other spellings), a scratch room, an unknown
         * UUID or no UUID at all. {@code mayBeGuarded} is false for DELETE, which must not remove the guarded room.
         */
        private String roomId(Random random, boolean mayBeGuarded) {
            String g = guarded.roomId;
            int kind = random.nextInt(mayBeGuarded ? 16 : 12);
            return switch (kind) {
                case 0 -> scratch.isEmpty() ? UUID.randomUUID().toString() : scratch.get(random.nextInt(scratch.size()));
                case 1 -> UUID.randomUUID().toString();
                case 2 -> Weird.pick(random, new String[] {"00000000-0000-0000-0000-000000000000",
                    "ffffffff-ffff-ffff-ffff-ffffffffffff", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"});
                case 3 -> g + Weird.pick(random, new String[] {"x", "0", "%00", "%20", ".json", ";a=b", "%2f", "/x"});
                case 4 -> g.substring(0, g.length() - 1 - random.nextInt(8));
                case 5 -> Weird.pick(random, new String[] {"{" + g + "}", "urn:uuid:" + g, g.replace("-", ""),
                    " " + g, g.replace('-', '_'), "%7B" + g + "%7D"});
                case 6 -> Weird.pick(random, new String[] {"null", "undefined", "..", ".", "%2e%2e", "%00", "%ff", "%zz",
                    "%", "%e2%98%83", "%ed%a0%bd", "%c0%80", "\u00e9", "a%20b", "0", "-1", "1e400", "true", "[]", "%5B%5D"});
                case 7 -> "x".repeat(random.nextInt(3) == 0 ? 20_000 : 100);
                case 8 -> pct(Weird.text(random, 1 + random.nextInt(20)));
                case 9 -> UUID.randomUUID().toString().toUpperCase();
                case 10 -> g.replace('4', 'g');
                case 11 -> g.substring(0, 8) + "-" + g.substring(9).replace("-", "");
                case 12 -> g.toUpperCase();
                case 13 -> "%" + Integer.toHexString(g.charAt(0)) + g.substring(1);
                default -> g;
            };
        }

        private static String query(Random random, String... names) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(names.length + 2);
            for (int i = 0; i < n; i++) {
                q.append(i == 0 ? "?" : "&");
                String name = random.nextInt(8) == 0 ? Weird.pick(random, new String[] {"", "x", "since%00", "LIMIT"})
                        : names[random.nextInt(names.length)];
                q.append(name);
                if (random.nextInt(10) != 0) {
                    q.append('=').append(random.nextInt(5) == 0 ? pct(Weird.text(random, 8))
                            : Weird.pick(random, NUMBER_PARAMS).replace(" ", "%20"));
                }
            }
            if (random.nextInt(20) == 0) {
                if (q.isEmpty()) {
                    // junk straight after the path would make another path, which the caller's endpoint is not
                    q.append('?');
                }
                q.append(Weird.pick(random, new String[] {"?", "&", "&&", "=", "#frag", "%", "%zz"}));
            }
            return q.toString();
        }

        private static String unknownPath(Random random) {
            String[] paths = {"/api", "/api/", "/api/room", "/api/rooms/x/y", "/api/rooms//history", "/api/rooms/%2F",
                "/ws", "/api/autocomplete/x", "/health/x", "/.git/config", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc",
                "//api/rooms", "/api/rooms/..;/health", "/api/languages.json", "/API/ROOMS", "/favicon.ico", "/r/",
                "/docs/../openapi.json", "/webjars/x", "/%00", "/api/rooms/" + UUID.randomUUID() + "/nope",
                "/" + "a/".repeat(500), "/" + pct(Weird.text(random, 10)), "*"};
            return Weird.pick(random, paths);
        }

        /** Percent-encodes every byte that is not unreserved, as a client library would. */
        private static String pct(String s) {
            StringBuilder out = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' || c == '~') {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format("%02X", c));
                }
            }
            return out.toString();
        }

        private static boolean isRoute(String method, String path) {
            boolean room = path.matches("/api/rooms/[^/]+");
            return switch (method) {
                case "GET" -> !path.equals("/api/rooms") && !path.equals("/api/autocomplete");
                case "HEAD" -> false;
                case "POST" -> path.equals("/api/rooms") || path.equals("/api/autocomplete");
                case "PATCH", "DELETE" -> room;
                default -> false;
            };
        }

        private void expectTooLarge(RawHttp.Response response) {
            if (response.status() != 413) {
                failures.add("corpus: a body or code over its limit answered " + response.status() + " "
                        + RawHttp.shown(response.text()));
            }
        }

        private RawHttp.Response request(String label, String method, String target, String contentType, byte[] body,
                Endpoint endpoint) {
            long sent = System.nanoTime();
            RawHttp.Response response = http.send(method, target, contentType, body);
            millis.merge(endpoint, (System.nanoTime() - sent) / 1_000_000, Long::sum);
            requests++;
            statuses.merge(response.status(), 1, Integer::sum);
            String context = label + ": " + method + " " + RawHttp.shown(target) + " [" + contentType + "] "
                    + (body == null ? "(no body)" : RawHttp.shown(new String(body, StandardCharsets.UTF_8)))
                    + " -> " + response.status() + " " + RawHttp.shown(response.text());
            try {
                RestOracle.checkShape(response, RestOracle.allowed(endpoint.statuses, target), method.equals("HEAD"),
                        context);
                if (response.status() == 400 && response.text().contains("\"bad_request\"")) {
                    require(!RestOracle.cleanTarget(target), context, "a well-formed request target refused as unreadable");
                }
                if (response.status() < 300 && !method.equals("HEAD")) {
                    checkSuccess(endpoint, response, body, target, context);
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            return response;
        }

        private void checkSuccess(Endpoint endpoint, RawHttp.Response response, byte[] body, String target,
                String context) {
            switch (endpoint) {
                case CREATE -> {
                    JsonNode sent = RestOracle.strictObject(body);
                    require(sent != null, context, "a room was created from a body that is not a JSON object in UTF-8");
                    JsonNode room = RestOracle.checkRoom(response, context);
                    JsonNode code = RestOracle.field(sent, "code");
                    JsonNode language = RestOracle.field(sent, "language");
                    require(room.get("code").textValue().equals(code == null ? "" : code.textValue()), context,
                            "the new room's code is not the code sent");
                    require(room.get("language").textValue().equals(language == null ? "plaintext" : language.textValue()),
                            context, "the new room's language is not the one sent");
                    require(room.get("revision").longValue() == 0, context, "a new room not at revision 0");
                    require(("/api/rooms/" + room.get("roomId").textValue()).equals(response.header("location")),
                            context, "Location header " + response.header("location"));
                    scratch.add(room.get("roomId").textValue());
                }
                case UPDATE -> {
                    JsonNode sent = RestOracle.strictObject(body);
                    require(sent != null, context, "a room was changed by a body that is not a JSON object in UTF-8");
                    JsonNode room = RestOracle.checkRoom(response, context);
                    if (room.get("roomId").textValue().equals(guarded.roomId)) {
                        JsonNode code = RestOracle.field(sent, "code");
                        JsonNode language = RestOracle.field(sent, "language");
                        if (language != null) {
                            guarded.language = language.textValue();
                        }
                        if (code != null && !code.textValue().equals(guarded.code())) {
                            guarded.codes.add(code.textValue());
                        }
                        require(room.get("code").textValue().equals(guarded.code()), context, "PATCH stored other code");
                        require(room.get("revision").longValue() == guarded.revision(), context,
                                "PATCH gave revision " + room.get("revision") + ", expected " + guarded.revision());
                        require(room.get("language").textValue().equals(guarded.language), context, "PATCH language");
                    }
                }
                case ROOM -> {
                    JsonNode room = RestOracle.checkRoom(response, context);
                    if (room.get("roomId").textValue().equals(guarded.roomId)) {
                        require(room.get("code").textValue().equals(guarded.code())
                                && room.get("revision").longValue() == guarded.revision()
                                && room.get("language").textValue().equals(guarded.language), context,
                                "the guarded room is not as the accepted requests left it");
                    }
                }
                case DELETE -> {
                    require(response.status() == 204, context, "DELETE answered " + response.status());
                    scratch.removeIf(id -> target.endsWith("/" + id));
                }
                case HISTORY -> {
                    JsonNode history = RestOracle.parse(response.text(), context);
                    require(history.size() == 1 && history.path("operations").isArray(), context, "not a History");
                    long previous = -1;
                    for (JsonNode entry : history.get("operations")) {
                        require(entry.size() == 5 && entry.path("revision").isIntegralNumber()
                                && entry.path("op").isArray() && entry.path("at").isTextual(), context, "entry " + entry);
                        require(previous < 0 || entry.get("revision").longValue() == previous + 1, context, "a gap");
                        previous = entry.get("revision").longValue();
                    }
                }
                case CODE -> {
                    JsonNode code = RestOracle.parse(response.text(), context);
                    require(code.size() == 2 && code.path("revision").isIntegralNumber() && code.path("code").isTextual(),
                            context, "not a CodeAtRevision");
                    if (target.contains(guarded.roomId)) {
                        long revision = code.get("revision").longValue();
                        require(revision <= guarded.revision()
                                && guarded.codes.get((int) revision).equals(code.get("code").textValue()), context,
                                "code at revision " + revision + " is not what it was");
                    }
                }
                case AUTOCOMPLETE -> {
                    require(RestOracle.strictObject(body) != null, context, "answered a body that is not a JSON object");
                    JsonNode s = RestOracle.parse(response.text(), context);
                    require(s.size() == 3 && s.path("suggestion").isTextual() && s.path("confidence").isNumber()
                            && s.get("confidence").doubleValue() >= 0 && s.get("confidence").doubleValue() <= 1
                            && s.path("alternatives").isArray() && s.get("alternatives").size() <= 10, context,
                            "not a Suggestion");
                    for (JsonNode alternative : s.get("alternatives")) {
                        require(alternative.path("label").isTextual() && alternative.path("insert").isTextual()
                                && alternative.path("kind").isTextual() && alternative.path("confidence").isNumber(),
                                context, "not an Alternative: " + alternative);
                    }
                }
                case LANGUAGES -> require(RestOracle.parse(response.text(), context).path("languages").size()
                        == RestOracle.LANGUAGES.size(), context, "not the language list");
                case HEALTH -> require(RestOracle.parse(response.text(), context).path("status").asText().equals("ok"),
                        context, "health is not ok");
                case OPENAPI -> RestOracle.parse(response.text(), context);
                case PAGE, UNKNOWN, HEAD -> {
                }
            }
        }
    }

    /** The statuses each endpoint may answer with. */
    private enum Endpoint {
        CREATE(201, 400, 413, 429),
        UPDATE(200, 400, 404, 413),
        ROOM(200, 404),
        DELETE(204, 404),
        HISTORY(200, 400, 404),
        CODE(200, 400, 404),
        AUTOCOMPLETE(200, 400, 413, 429),
        LANGUAGES(200),
        HEALTH(200),
        OPENAPI(200),
        PAGE(200, 404),
        HEAD(200, 404, 405),
        UNKNOWN(404, 405);

        final Set<Integer> statuses;

        Endpoint(Integer... statuses) {
            this.statuses = Set.of(statuses);
        }
    }
}
