package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pairpad.web.Json;
import org.junit.jupiter.api.Test;

/** The messages written by hand must be byte for byte what the JSON generator would write. */
class MessagesTest {
    private final ObjectMapper mapper = Json.mapper(1_000_000);
    private final Messages messages = new Messages(mapper);

    @Test
    void anAckIsWhatTheGeneratorWritesForEveryKindOfId() throws Exception {
        for (String id : new String[] {"c1-42", "", "a\"b", "back\\slash", "line\nbreak", "tab\t", "del\u007f",
                "é", "\u4e2d", "\ud83d\ude00", "lone \ud83d half", "/slash"}) {
            ObjectNode expected = mapper.createObjectNode().put("type", "ack").put("revision", 7L).put("id", id);
            assertEquals(mapper.writeValueAsString(expected), messages.ack(7, id), "id " + id);
        }
    }

    @Test
    void anOpCarriesItsAuthorQuotedLikeTheGeneratorDoes() throws Exception {
        for (String clientId : new String[] {"u-1", "x\"y", "\ud800"}) {
            ObjectNode expected = mapper.createObjectNode().put("type", "op").put("revision", 3L);
            expected.set("op", mapper.readTree("[1,\"a\"]"));
            expected.put("clientId", clientId);
            assertEquals(mapper.writeValueAsString(expected), messages.op(3, "[1,\"a\"]", clientId));
        }
        assertEquals("{\"type\":\"op\",\"revision\":3,\"op\":[1],\"clientId\":null}", messages.op(3, "[1]", null));
    }
}
