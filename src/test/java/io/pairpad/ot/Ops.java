package io.pairpad.ot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Operations written as their JSON form, for readable tests. */
final class Ops {

    static final ObjectMapper JSON = new ObjectMapper();

    private Ops() {
    }

    static TextOperation parse(String json) {
        try {
            return TextOperation.fromJson(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
