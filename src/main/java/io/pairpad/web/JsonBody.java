package io.pairpad.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A request body parsed as a JSON object, with typed access that fails as {@code validation_failed}. */
public final class JsonBody {
    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Parses {@code text}; an empty body counts as {@code {}} when {@code emptyAllowed}. */
    public static JsonBody parse(ObjectMapper mapper, String text, boolean emptyAllowed) {
        if (text == null || text.isBlank()) {
            if (emptyAllowed) {
                return new JsonBody(mapper.createObjectNode());
            }
            throw ApiException.invalidJson("The body must be a JSON object");
        }
        return new JsonBody(readObject(mapper, text, "body"));
    }

    /** {@code text} as a JSON object, or an {@code invalid_json} failure that names {@code what} it is. */
    public static ObjectNode readObject(ObjectMapper mapper, String text, String what) {
        JsonNode parsed;
        try {
            parsed = mapper.readTree(text);
        } catch (JacksonException e) {
            throw ApiException.invalidJson("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiException.invalidJson("The " + what + " must be a JSON object");
        }
        return object;
    }

    public static JsonBody of(ObjectNode node) {
        return new JsonBody(node);
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public Optional<String> optionalString(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw ApiException.validation("Field '" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    public String requiredString(String field) {
        return optionalString(field)
                .orElseThrow(() -> ApiException.validation("Field '" + field + "' is required"));
    }

    public Optional<Integer> optionalInt(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.validation("Field '" + field + "' must be a whole number");
        }
        return Optional.of(value.intValue());
    }

    public JsonNode get(String field) {
        return node.get(field);
    }
}
