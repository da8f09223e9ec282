package io.pairpad.ot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The wire form of an operation: a JSON array of positive ints (retain), strings (insert) and negative ints (delete). */
final class OperationJson {

    private static final int MAX_SHOWN = 40;

    private OperationJson() {
    }

    static TextOperation read(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new InvalidOperationException("an operation must be a JSON array, not " + describe(json));
        }
        TextOperation.Builder builder = TextOperation.builder();
        for (int i = 0; i < json.size(); i++) {
            JsonNode part = json.get(i);
            if (part.isTextual()) {
                if (part.textValue().isEmpty()) {
                    throw new InvalidOperationException("operation part " + i + " is an empty insert");
                }
                builder.insert(part.textValue());
            } else if (part.isIntegralNumber()) {
                // Integer.MIN_VALUE is excluded: deleting 2^31 characters is out of range.
                if (!part.canConvertToInt() || part.intValue() == Integer.MIN_VALUE) {
                    throw new InvalidOperationException("operation part " + i + " is out of range: " + shown(part));
                }
                int n = part.intValue();
                if (n == 0) {
                    throw new InvalidOperationException("operation part " + i + " is zero");
                }
                if (n > 0) {
                    builder.retain(n);
                } else {
                    builder.delete(-n);
                }
            } else {
                throw new InvalidOperationException("operation part " + i
                        + " must be a non-zero integer or a non-empty string, not " + describe(part));
            }
        }
        return builder.build();
    }

    static ArrayNode write(TextOperation operation) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(operation.partCount());
        for (int i = 0; i < operation.partCount(); i++) {
            int part = operation.partAt(i);
            if (part == 0) {
                array.add(operation.insertAt(i));
            } else {
                array.add(part);
            }
        }
        return array;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase() + " " + shown(node);
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
