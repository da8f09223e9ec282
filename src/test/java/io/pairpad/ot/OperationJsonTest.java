package io.pairpad.ot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesTheOtJsWireForm() throws Exception {
        TextOperation op = TextOperation.builder().retain(6).insert("there").delete(5).build();

        assertEquals("[6,\"there\",-5]", Ops.JSON.writeValueAsString(op));
        assertEquals("[6,\"there\",-5]", op.toJson().toString());
    }

    @Test
    void readsThroughJacksonDataBinding() throws Exception {
        record Message(int revision, TextOperation op) {
        }

        Message message = Ops.JSON.readValue("{\"revision\": 3, \"op\": [1, \"x\", -1]}", Message.class);

        assertEquals(Ops.parse("[1, \"x\", -1]"), message.op());
    }

    @Test
    void normalisesWhatItReads() {
        assertEquals("[6,\"there\",-5]", Ops.parse("[6, -5, \"there\"]").toString());
        assertEquals("[3,\"ab\",-3]", Ops.parse("[1, 2, -1, \"a\", -2, \"b\"]").toString());
        assertEquals("[]", Ops.parse("[]").toString());
    }

    @Test
    void keepsLoneSurrogatesAsText() throws Exception {
        TextOperation op = Ops.parse("[1, \"\\ud800\", -1]");

        assertEquals("a\ud800", op.apply("ab"));
        assertEquals(op, TextOperation.fromJson(Ops.JSON.readTree(Ops.JSON.writeValueAsString(op))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "null", "{}", "{\"0\": 1}", "1", "\"abc\"", "true",
            "[0]", "[-0]", "[1, 0]", "[\"\"]", "[1, \"\"]",
            "[1.0]", "[1.5]", "[-1.0]", "[1e30]", "[-1e30]", "[1E2]", "[-0.0]",
            "[1099511627776]", "[-1099511627776]", "[2147483648]", "[-2147483648]",
            "[123456789012345678901234567890]", "[-123456789012345678901234567890]",
            "[[1]]", "[[]]", "[null]", "[true]", "[false]", "[{}]", "[{\"insert\": \"x\"}]",
            "[2147483647, 1]", "[-2147483647, -1]", "[2147483647, \"x\"]",
    })
    void rejectsWhatIsNotAnOperation(String json) {
        InvalidOperationException e = assertThrows(InvalidOperationException.class, () -> Ops.parse(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void rejectsMissingAndBigNumberNodes() {
        assertThrows(InvalidOperationException.class, () -> TextOperation.fromJson(null));
        assertThrows(InvalidOperationException.class, () -> TextOperation.fromJson(MissingNode.getInstance()));
        assertThrows(InvalidOperationException.class,
                () -> TextOperation.fromJson(NODES.arrayNode().add(BigInteger.TWO.pow(40))));
        assertThrows(InvalidOperationException.class,
                () -> TextOperation.fromJson(NODES.arrayNode().add(new BigDecimal("3"))));
        assertThrows(InvalidOperationException.class,
                () -> TextOperation.fromJson(NODES.arrayNode().add(3L << 33)));
    }

    @Test
    void acceptsTheLargestCounts() {
        assertEquals(Integer.MAX_VALUE, Ops.parse("[2147483647]").baseLength());
        assertEquals(Integer.MAX_VALUE, Ops.parse("[-2147483647]").baseLength());
        assertDoesNotThrow(() -> TextOperation.fromJson(NODES.arrayNode().add(5L)));
    }

    @Test
    void namesTheOffendingPart() {
        InvalidOperationException e = assertThrows(InvalidOperationException.class, () -> Ops.parse("[1, \"a\", true]"));
        assertTrue(e.getMessage().contains("part 2"), e.getMessage());
    }

    @Test
    void anyJsonEitherReadsAsTheOperationItSpellsOrIsRejectedAsAnInvalidOperation() {
        Cases.check(0x0B50_0001L, 5000, c -> {
            JsonNode json = c.input("json", jsonValue(c.random()));
            Expected expected = expected(json);

            TextOperation op;
            try {
                op = TextOperation.fromJson(json);
            } catch (InvalidOperationException e) {
                assertTrue(expected == null, "rejected, but it spells an operation: " + e.getMessage());
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                return;
            }
            assertTrue(expected != null, "read as " + op + ", but it is not an operation");
            assertEquals(expected.baseLength(), op.baseLength());
            assertEquals(expected.targetLength(), op.targetLength());
            TextOperationPropertiesTest.assertNormalised(op);
            assertEquals(op, TextOperation.fromJson(op.toJson()));
        });
    }

    /** The lengths of the operation that {@code json} spells, or null when it spells none; worked out independently of the reader. */
    private static Expected expected(JsonNode json) {
        if (json == null || !json.isArray()) {
            return null;
        }
        long base = 0;
        long target = 0;
        for (JsonNode part : json) {
            if (part.isTextual()) {
                if (part.textValue().isEmpty()) {
                    return null;
                }
                target += part.textValue().length();
            } else if (part.isIntegralNumber()) {
                BigInteger n = part.bigIntegerValue();
                if (n.signum() == 0 || n.abs().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                    return null;
                }
                base += n.abs().longValueExact();
                target += n.signum() > 0 ? n.longValueExact() : 0;
            } else {
                return null;
            }
        }
        return base <= Integer.MAX_VALUE && target <= Integer.MAX_VALUE ? new Expected((int) base, (int) target) : null;
    }

    private record Expected(int baseLength, int targetLength) {
    }

    /** Any JSON value, mostly arrays of what could be parts, often near the edges of what is allowed. */
    private static JsonNode jsonValue(Random random) {
        if (random.nextInt(100) < 15) {
            return scalar(random);
        }
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(9);
        for (int i = 0; i < size; i++) {
            array.add(random.nextInt(100) < 70 ? likelyPart(random) : scalar(random));
        }
        return array;
    }

    /** A count or text that is usually a valid part. */
    private static JsonNode likelyPart(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> NODES.textNode(Gen.text(random, 4));
            case 1 -> NODES.numberNode((random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(20)));
            case 2 -> NODES.numberNode(count(random));
            default -> NODES.numberNode(BigInteger.valueOf(count(random)));
        };
    }

    private static final long[] EDGE_COUNTS = {
            0, 1, -1, 2, -2, Integer.MAX_VALUE, -Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1L,
            Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 1L << 32, -(1L << 32), 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE,
            Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2 + 1, -(Integer.MAX_VALUE / 2) - 1,
    };

    private static long count(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_COUNTS[random.nextInt(EDGE_COUNTS.length)];
            case 1 -> random.nextInt();
            case 2 -> random.nextLong() >> random.nextInt(64);
            default -> random.nextInt(2001) - 1000;
        };
    }

    /** Any scalar node, or an empty or small container. */
    private static JsonNode scalar(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode((int) count(random));
            case 1 -> NODES.numberNode(count(random));
            case 2 -> NODES.numberNode(BigInteger.TWO.pow(70).negate().add(new BigInteger(72, new Random(random.nextLong())))
                    .shiftRight(random.nextInt(72)));
            case 3 -> NODES.numberNode((short) random.nextInt());
            case 4 -> NODES.numberNode(switch (random.nextInt(5)) {
                case 0 -> (double) count(random);
                case 1 -> random.nextDouble() * 10;
                case 2 -> new double[]{0.0, -0.0, 1.0, -1.0, 1.5, 1e30, -1e30, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}[random.nextInt(11)];
                case 3 -> Double.longBitsToDouble(random.nextLong());
                default -> (float) count(random);
            });
            case 5 -> NODES.numberNode(BigDecimal.valueOf(count(random), random.nextInt(3)));
            case 6 -> NODES.textNode(Gen.text(random, random.nextInt(4)));
            case 7 -> NODES.textNode(anyChars(random));
            case 8 -> new JsonNode[]{NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false),
                    MissingNode.getInstance()}[random.nextInt(4)];
            case 9 -> NODES.objectNode();
            case 10 -> NODES.objectNode().set("a", NODES.numberNode(1));
            default -> random.nextBoolean() ? NODES.arrayNode() : NODES.arrayNode().add(random.nextInt(5) - 2);
        };
    }

    /** Up to five chars from anywhere in UTF-16, lone surrogates included. */
    private static String anyChars(Random random) {
        char[] chars = new char[random.nextInt(6)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    @Test
    void readsEveryKindOfPart() {
        TextOperation op = TextOperation.fromJson(NODES.arrayNode().add(2).add("é😀").add(-1).add(1L));

        assertEquals(List.of(2, 0, -1, 1), List.of(op.partAt(0), op.partAt(1), op.partAt(2), op.partAt(3)));
        assertEquals("é😀", op.insertAt(1));
    }
}
