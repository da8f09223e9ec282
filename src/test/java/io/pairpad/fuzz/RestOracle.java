package io.pairpad.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PROTOCOL.md allows a REST answer to be, and the expected state of one guarded room that the fuzz
 * aims at: its text at every revision and its language, changed only by PATCHes the server accepted.
 */
final class RestOracle {
    /** The error codes each failure status may carry (PROTOCOL.md's table, plus not_found and 405). */
    static final Map<Integer, Set<String>> ERRORS = Map.of(
            400, Set.of("invalid_json", "validation_failed", "unsupported_language", "bad_request"),
            404, Set.of("room_not_found", "not_found"),
            405, Set.of("method_not_allowed"),
            413, Set.of("too_large"),
            414, Set.of("too_large"),
            429, Set.of("rate_limited"));

    /** Above this, a request line is over the HTTP server's limit (8 KiB of request line and headers). */
    private static final int LONG_TARGET = 7_000;

    private static final ObjectMapper REFERENCE = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final List<String> LANGUAGES = SchemaGen.enumOf("Language");

    /** The guarded room: its text at each revision, and its language. */
    static final class Model {
        final String roomId;
        final List<String> codes = new ArrayList<>();
        String language;

        Model(String roomId, String code, String language) {
            this.roomId = roomId;
            this.codes.add(code);
            this.language = language;
        }

        long revision() {
            return codes.size() - 1;
        }

        String code() {
            return codes.get(codes.size() - 1);
        }
    }

    private RestOracle() {
    }

    /** Fails unless {@code response} is a PROTOCOL.md failure with its exact error body, or a success. */
    static void checkShape(RawHttp.Response response, Set<Integer> allowed, boolean head, String context) {
        int status = response.status();
        require(status != 500, context, "a 500");
        require(allowed.contains(status), context, "status " + status + " is not one of " + allowed);
        if (status < 400 || head) {
            return;
        }
        JsonNode body = parse(response.text(), context);
        require(body != null && body.isObject() && body.size() == 2 && body.path("error").isTextual()
                && body.path("message").isTextual(), context, "not the error shape {error, message}");
        String error = body.get("error").textValue();
        require(ERRORS.getOrDefault(status, Set.of()).contains(error), context,
                "error '" + error + "' does not go with status " + status);
        require(!body.get("message").textValue().contains("Exception") && !body.get("message").textValue().contains("\tat "),
                context, "a stack trace or exception name in the message");
        String type = response.header("content-type");
        require(type != null && type.startsWith("application/json"), context, "error body typed " + type);
        if (status == 429) {
            require(response.header("retry-after") != null, context, "429 without Retry-After");
        }
    }

    /**
     * The statuses a request to {@code target} may get: the endpoint's, plus 400 when the HTTP server cannot
     * read the target, and 414 when it is over the server's size limit.
     */
    static Set<Integer> allowed(Set<Integer> endpoint, String target) {
        Set<Integer> allowed = new java.util.HashSet<>(endpoint);
        if (!cleanTarget(target)) {
            allowed.add(400);
        }
        if (target.length() > LONG_TARGET) {
            allowed.add(414);
        }
        return allowed;
    }

    /**
     * A request target any HTTP server must read: an absolute path and query of unreserved characters and
     * well-formed percent escapes of valid UTF-8, with no dot segments, empty segments, NUL or encoded separators.
     */
    static boolean cleanTarget(String target) {
        if (!target.startsWith("/") || target.length() > LONG_TARGET) {
            return false;
        }
        String[] pathAndQuery = target.split("\\?", 2);
        String path = pathAndQuery[0];
        for (String segment : path.substring(1).split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null || decoded.equals(".") || decoded.equals("..") || decoded.indexOf('\0') >= 0
                    || decoded.contains("/") || decoded.contains("\\") || decoded.contains(";")
                    || (segment.isEmpty() && !path.equals("/") && !path.endsWith("/"))) {
                return false;
            }
        }
        if (path.contains("//")) {
            return false;
        }
        if (pathAndQuery.length == 2) {
            for (String part : pathAndQuery[1].split("[&=]", -1)) {
                if (decode(part) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The percent-decoded text of a URI part, or null when it holds a character or escape it may not. */
    private static String decode(String part) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    return null;
                }
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$'()*+,:@".indexOf(c) >= 0)) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The body as a JSON object by a strict reading (UTF-8 only, no duplicate keys, nothing after), or null. */
    static JsonNode strictObject(byte[] body) {
        if (body == null) {
            return REFERENCE.createObjectNode();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (text.isBlank()) {
                return REFERENCE.createObjectNode();
            }
            JsonNode node = REFERENCE.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (CharacterCodingException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** A field that the server reads as present: there, and not null. */
    static JsonNode field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static JsonNode parse(String text, String context) {
        try {
            return REFERENCE.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(context + ": the answer is not JSON: " + RawHttp.shown(text));
        }
    }

    /** A Room of PROTOCOL.md: exactly its seven fields. */
    static JsonNode checkRoom(RawHttp.Response response, String context) {
        JsonNode room = parse(response.text(), context);
        require(room.size() == 7 && room.path("roomId").isTextual() && room.path("code").isTextual()
                && LANGUAGES.contains(room.path("language").asText()) && room.path("revision").isIntegralNumber()
                && room.path("revision").longValue() >= 0 && room.path("activeUsers").isIntegralNumber()
                && room.path("createdAt").isTextual() && room.path("updatedAt").isTextual(), context,
                "not a Room: " + RawHttp.shown(response.text()));
        return room;
    }

    static void require(boolean condition, String context, String problem) {
        if (!condition) {
            throw new AssertionError(context + ": " + problem);
        }
    }
}
