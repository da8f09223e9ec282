package io.pairpad.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes values that are valid by a JSON schema of the OpenAPI document ({@code /openapi.json}), to be mutated
 * into near-valid ones. It understands the parts of JSON Schema the document uses: $ref, type (also as a
 * list), enum, const, required, properties, items, anyOf, oneOf, minimum, maximum, minLength, maxLength,
 * maxItems, format uuid.
 */
public final class SchemaGen {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode DOCUMENT = load();

    private final Random random;

    public SchemaGen(Random random) {
        this.random = random;
    }

    /** The named schema of {@code components.schemas}. */
    public static JsonNode schema(String name) {
        JsonNode schema = DOCUMENT.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("No schema " + name + " in openapi.json");
        }
        return schema;
    }

    /** The names of a schema's properties, and of those it requires. */
    public static List<String> properties(String name) {
        List<String> names = new ArrayList<>();
        schema(name).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The enum of a string schema, such as {@code Language} or {@code ErrorCode}. */
    public static List<String> enumOf(String name) {
        List<String> values = new ArrayList<>();
        schema(name).path("enum").forEach(v -> values.add(v.textValue()));
        return values;
    }

    /** The OpenAPI document's own text, for its path list. */
    public static JsonNode document() {
        return DOCUMENT;
    }

    public JsonNode valid(String name) {
        return valid(schema(name), 0);
    }

    private JsonNode valid(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            return valid(resolve(schema.get("$ref").textValue()), depth);
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(choice) && !schema.has("type")) {
                JsonNode options = schema.get(choice);
                return valid(options.get(random.nextInt(options.size())), depth + 1);
            }
        }
        JsonNode type = schema.path("type");
        String t = type.isArray() ? type.get(random.nextInt(type.size())).textValue() : type.asText("object");
        return switch (t) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "string" -> NODES.textNode(string(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(random.nextDouble());
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.textValue()));
        // anyOf of "required" lists (the autocomplete request): satisfy one of them.
        if (schema.has("anyOf")) {
            JsonNode options = schema.get("anyOf");
            options.get(random.nextInt(options.size())).path("required").forEach(r -> required.add(r.textValue()));
        }
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (required.contains(name) || random.nextBoolean()) {
                object.set(name, valid(schema.get("properties").get(name), depth + 1));
            }
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        int max = schema.path("maxItems").asInt(6);
        int n = depth > 4 ? 0 : random.nextInt(Math.min(max, 6) + 1);
        for (int i = 0; i < n; i++) {
            array.add(valid(schema.path("items"), depth + 1));
        }
        return array;
    }

    private String string(JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return "2026-11-26T10:00:00Z";
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Math.max(min, 12));
        int length = min + random.nextInt(Math.min(max, min + 12) - min + 1);
        return Weird.text(random, length);
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(-50);
        long max = schema.path("maximum").asLong(min + 50);
        long n = min + random.nextInt((int) Math.min(50, max - min) + 1);
        if (schema.has("not") && schema.get("not").path("const").asLong(Long.MIN_VALUE) == n) {
            return n + 1;
        }
        return n;
    }

    private static JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local $refs: " + ref);
        }
        JsonNode node = DOCUMENT;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static JsonNode load() {
        try (InputStream in = SchemaGen.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
