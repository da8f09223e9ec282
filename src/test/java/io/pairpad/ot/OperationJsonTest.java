package io.pairpad.ot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

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

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(5).map(NODES::textNode),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(),
                        NODES.objectNode().set("a", NODES.numberNode(1))));
        return Arbitraries.oneOf(
                scalars,
                scalars.list().ofMaxSize(8).map(parts -> {
                    ArrayNode array = NODES.arrayNode();
                    parts.forEach(array::add);
                    return array;
                }));
    }

    @Property(tries = 5000)
    void anyJsonEitherReadsOrIsRejectedAsAnInvalidOperation(@ForAll("jsonValues") JsonNode json) {
        try {
            TextOperation op = TextOperation.fromJson(json);
            assertEquals(op, TextOperation.fromJson(op.toJson()));
        } catch (InvalidOperationException expected) {
            // the only acceptable failure
        }
    }

    @Test
    void readsEveryKindOfPart() {
        TextOperation op = TextOperation.fromJson(NODES.arrayNode().add(2).add("é😀").add(-1).add(1L));

        assertEquals(List.of(2, 0, -1, 1), List.of(op.partAt(0), op.partAt(1), op.partAt(2), op.partAt(3)));
        assertEquals("é😀", op.insertAt(1));
    }
}
