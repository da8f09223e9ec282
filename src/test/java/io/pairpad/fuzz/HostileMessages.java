package io.pairpad.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Client-to-server WebSocket messages for an attacker: valid ones by the OpenAPI schemas of the client
 * messages, near-valid ones aimed at the room's current text and revision (wrong base lengths, cut surrogate
 * pairs, negative and future revisions, odd ids, cursors out of range), and garbage.
 */
final class HostileMessages {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TYPES = {"OpRequest", "CodeUpdateRequest", "CursorRequest", "LanguageRequest"};

    /** A message to send: text, or binary when {@code binary} is set. */
    record Message(String text, byte[] binary, String label) {
    }

    private final Random random;
    private final SchemaGen gen;
    private final Mutator mutator;
    private final int maxMessageBytes;
    private final int maxDocChars;
    private final List<String> usedIds = new ArrayList<>();
    private int nextId;

    HostileMessages(Random random, int maxMessageBytes, int maxDocChars) {
        this.random = random;
        this.gen = new SchemaGen(random);
        this.mutator = new Mutator(random);
        this.maxMessageBytes = maxMessageBytes;
        this.maxDocChars = maxDocChars;
    }

    /** A message for a room whose text at {@code revision} is {@code text}, as far as the attacker knows. */
    Message next(String text, long revision) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return op(text, revision);
        } else if (kind < 42) {
            return codeUpdate(text, revision);
        } else if (kind < 54) {
            return cursor(text, revision);
        } else if (kind < 60) {
            return language();
        } else if (kind < 72) {
            String type = TYPES[random.nextInt(TYPES.length)];
            return new Message(Weird.escapeLoneSurrogates(gen.valid(type).toString()), null, "schema-valid " + type);
        } else if (kind < 90) {
            StringBuilder how = new StringBuilder("mutated");
            String type = TYPES[random.nextInt(TYPES.length)];
            return new Message(Weird.escapeLoneSurrogates(mutator.mutate((ObjectNode) gen.valid(type), how)), null,
                    how + " " + type);
        } else if (kind < 97) {
            return garbage();
        } else if (kind < 99) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            if (random.nextBoolean()) {
                data = "{\"type\":\"op\",\"revision\":0,\"id\":\"b\",\"op\":[\"x\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return new Message(null, data, "binary frame");
        } else {
            return oversized();
        }
    }

    private Message op(String text, long revision) {
        ObjectNode m = NODES.objectNode();
        m.put("type", "op");
        StringBuilder label = new StringBuilder("op");
        m.set("revision", revisionNear(revision, label));
        m.set("id", id(label));
        m.set("op", opFor(text, label));
        if (random.nextInt(8) == 0) {
            m.put("room", java.util.UUID.randomUUID().toString());
            m.put("roomId", java.util.UUID.randomUUID().toString());
            label.append(" other-room-field");
        }
        return finish(m, label);
    }

    private Message codeUpdate(String text, long revision) {
        ObjectNode m = NODES.objectNode();
        m.put("type", "code_update");
        StringBuilder label = new StringBuilder("code_update");
        String code = switch (random.nextInt(6)) {
            case 0 -> (text.length() > maxDocChars / 4 ? "" : text) + Weird.text(random, 1 + random.nextInt(10));
            case 1 -> text.isEmpty() ? "" : text.substring(random.nextInt(text.length()));
            case 2 -> "x".repeat(maxDocChars + 1 + random.nextInt(3));
            case 3 -> Weird.text(random, random.nextInt(40));
            case 4 -> text;
            default -> insertAt(text, Weird.typed(random, 1 + random.nextInt(5)));
        };
        m.put("code", code);
        if (random.nextInt(3) > 0) {
            m.set("revision", revisionNear(revision, label));
        }
        if (random.nextBoolean()) {
            m.set("id", id(label));
        }
        return finish(m, label);
    }

    private Message cursor(String text, long revision) {
        ObjectNode m = NODES.objectNode();
        m.put("type", "cursor");
        StringBuilder label = new StringBuilder("cursor");
        m.set("anchor", position(text.length()));
        m.set("head", position(text.length()));
        if (random.nextInt(5) > 0) {
            m.set("revision", revisionNear(revision, label));
        }
        return finish(m, label);
    }

    private Message language() {
        ObjectNode m = NODES.objectNode();
        m.put("type", "language");
        String[] garbage = {"PYTHON", "python ", "", "brainfuck", "python\u0000", "\ud83d", "<script>", "plaintext"};
        m.put("language", random.nextBoolean() ? RestOracle.LANGUAGES.get(random.nextInt(RestOracle.LANGUAGES.size()))
                : Weird.pick(random, garbage));
        return finish(m, new StringBuilder("language"));
    }

    private Message garbage() {
        String[] texts = {"", " ", "null", "[]", "{}", "42", "\"op\"", "{\"type\":null}", "{\"type\":42}",
            "{\"type\":[\"op\"]}", "{\"type\":\"OP\"}", "{\"type\":\"init\"}", "{\"type\":\"ack\",\"revision\":1}",
            "{\"type\":\"op\"}", "{\"type\":\"op\",\"type\":\"cursor\"}", "{\"type\":\"op\"} x", "{\"type\":\"",
            "{\"type\":\"cursor\",\"anchor\":1e400,\"head\":0}", "{\"type\":\"op\",\"revision\":9223372036854775808}",
            "{\"type\":\"op\",\"revision\":-0,\"id\":\"z\",\"op\":[]}", "{\"type\":\"op\",\"revision\":1.5,\"id\":\"z\",\"op\":[1]}",
            "{\"type\":\"op\",\"revision\":0,\"id\":\"z\",\"op\":{\"0\":1}}", "{\"type\":\"op\",\"revision\":0,\"id\":\"z\",\"op\":\"[1]\"}",
            "{\"type\":\"unknown\"}", "{\"type\":\"\\u0000\"}", "{\"type\":\"\\ud83d\"}", "\u0000", "\ufeff{}"};
        String text = random.nextInt(3) == 0 ? Weird.deep(random, 20 + random.nextInt(2000)) : Weird.pick(random, texts);
        if (random.nextInt(4) == 0) {
            text = "{\"type\":\"op\",\"revision\":0,\"id\":\"d\",\"op\":" + Weird.deep(random, 25 + random.nextInt(20)) + "}";
        }
        return new Message(Weird.escapeLoneSurrogates(text), null, "garbage");
    }

    private Message oversized() {
        int size = maxMessageBytes + 1 + random.nextInt(maxMessageBytes / 2);
        String text = "{\"type\":\"code_update\",\"code\":\"" + "é".repeat(size / 2) + "\"}";
        return new Message(text, null, "oversized (" + text.length() + " chars)");
    }

    private Message finish(ObjectNode m, StringBuilder label) {
        if (random.nextInt(6) == 0) {
            mutator.mutateField(m, label);
        }
        String text = m.toString();
        if (random.nextInt(8) == 0) {
            text = mutator.mutateText(text, label);
        }
        return new Message(Weird.escapeLoneSurrogates(text), null, label.toString());
    }

    private JsonNode revisionNear(long revision, StringBuilder label) {
        int kind = random.nextInt(12);
        label.append(" rev").append(kind);
        return switch (kind) {
            case 0 -> NODES.numberNode(revision + 1);
            case 1 -> NODES.numberNode(revision + 1 + random.nextInt(1000));
            case 2 -> NODES.numberNode(-1 - random.nextInt(3));
            case 3 -> NODES.numberNode(Math.max(0, revision - 1 - random.nextInt(5)));
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(new java.math.BigInteger("9223372036854775808"));
            case 6 -> NODES.numberNode(0L);
            case 7 -> NODES.numberNode(revision + 0.5);
            case 8 -> NODES.textNode(Long.toString(revision));
            default -> NODES.numberNode(revision);
        };
    }

    private JsonNode id(StringBuilder label) {
        int kind = random.nextInt(14);
        label.append(" id").append(kind);
        String fresh = "atk:" + nextId++;
        String id = switch (kind) {
            case 0 -> "";
            case 1 -> "i".repeat(64);
            case 2 -> "j".repeat(65);
            case 3 -> usedIds.isEmpty() ? fresh : usedIds.get(random.nextInt(usedIds.size()));
            case 4 -> fresh + "\u0000";
            case 5 -> fresh + "\ud83d";
            case 6 -> fresh + "\ude00";
            case 7 -> (fresh + "😀".repeat(40)).substring(0, 64);
            case 8 -> "😀".repeat(32);
            case 9 -> fresh + Weird.text(random, 5);
            default -> fresh;
        };
        if (kind == 10 && random.nextBoolean()) {
            return NODES.numberNode(nextId);
        }
        if (kind == 11 && random.nextInt(3) == 0) {
            return NODES.nullNode();
        }
        usedIds.add(id);
        return NODES.textNode(id);
    }

    /** An op on {@code text}: a correct edit mostly, otherwise off in length, cutting a pair, or malformed. */
    private JsonNode opFor(String text, StringBuilder label) {
        int length = text.length();
        int at = random.nextInt(length + 1);
        int kind = random.nextInt(14);
        label.append(" op").append(kind);
        ArrayNode op = NODES.arrayNode();
        switch (kind) {
            case 0 -> retain(op, at).add(Weird.typed(random, 1 + random.nextInt(4))).add(length - at);
            case 1 -> retain(op, at).add(Weird.typed(random, 2)).add(length - at + 1);
            case 2 -> retain(op, at).add(Weird.typed(random, 2)).add(Math.max(1, length - at - 1));
            case 3 -> retain(op, at).add(Weird.text(random, 1 + random.nextInt(4))).add(length - at);
            case 4 -> retain(op, at).add(Weird.pick(random, new String[] {"\ud83d", "\ude00", "a\ud83d", "\ude00\ud83d",
                "\u0000", "x\u0000y"})).add(length - at);
            case 5 -> {
                int cut = surrogateMiddle(text);
                retain(op, cut < 0 ? at : cut).add("x").add(length - (cut < 0 ? at : cut));
            }
            case 6 -> {
                int cut = surrogateMiddle(text);
                if (cut < 0 || cut + 1 > length) {
                    retain(op, length);
                } else {
                    retain(op, cut).add(-1).add(length - cut - 1);
                }
            }
            case 7 -> retain(op, at).add(-(length - at + 1 + random.nextInt(3)));
            case 8 -> op.add(Integer.MAX_VALUE).add(Integer.MAX_VALUE);
            case 9 -> op.add(0).add("").add(length);
            case 10 -> op.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999"))).add(-2147483648);
            case 11 -> op.add(NODES.arrayNode().add(1)).add(NODES.objectNode()).add(true).add(1.5);
            case 12 -> retain(op, at).add("y".repeat(maxDocChars + 1 - Math.min(maxDocChars, length))).add(length - at);
            default -> {
                if (length > at && random.nextBoolean()) {
                    int n = 1 + random.nextInt(Math.min(4, length - at));
                    retain(op, at).add(-n).add(length - at - n);
                } else {
                    retain(op, at).add(Weird.typed(random, 1)).add(length - at);
                }
            }
        }
        // Zero parts from the arithmetic above are dropped: they would make every such op invalid.
        ArrayNode clean = NODES.arrayNode();
        for (JsonNode part : op) {
            if (!(part.isInt() && part.intValue() == 0 && kind != 9)) {
                clean.add(part);
            }
        }
        return clean;
    }

    private static ArrayNode retain(ArrayNode op, int n) {
        if (n > 0) {
            op.add(n);
        }
        return op;
    }

    private JsonNode position(int length) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(length + 1 + random.nextInt(100));
            case 2 -> NODES.numberNode(Integer.MAX_VALUE);
            case 3 -> NODES.numberNode(1L << 40);
            case 4 -> NODES.numberNode(0.5);
            default -> NODES.numberNode(random.nextInt(length + 1));
        };
    }

    private int surrogateMiddle(String text) {
        List<Integer> middles = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i - 1)) && Character.isLowSurrogate(text.charAt(i))) {
                middles.add(i);
            }
        }
        return middles.isEmpty() ? -1 : middles.get(random.nextInt(middles.size()));
    }

    private String insertAt(String text, String inserted) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at) + inserted + text.substring(at);
    }
}
