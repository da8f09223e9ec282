package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.ApiException;
import io.pairpad.web.JsonBody;

/** The body of {@code POST /api/autocomplete}, checked against PROTOCOL.md; {@code cursor} is a UTF-16 offset. */
record AutocompleteRequest(String code, int cursor, String language) {

    /** Parses and checks a request body; any fault is the {@link ApiException} PROTOCOL.md gives for it. */
    static AutocompleteRequest parse(ObjectMapper mapper, String text, int maxDocChars) {
        JsonBody body = JsonBody.parse(mapper, text, false);
        String code = body.requiredString("code");
        String cursorField = body.has("cursorPosition") ? "cursorPosition" : "cursor";
        int cursor = body.optionalInt(cursorField)
                .orElseThrow(() -> ApiException.validation("Field 'cursorPosition' is required"));
        String language = body.requiredString("language");
        RoomService.requireSupported(language);
        if (code.length() > maxDocChars) {
            throw ApiException.tooLarge("The code is " + code.length() + " characters; the limit is " + maxDocChars);
        }
        if (cursor < 0 || cursor > code.length()) {
            throw ApiException.validation("Field '" + cursorField + "' must be from 0 to " + code.length());
        }
        return new AutocompleteRequest(code, cursor, language);
    }
}
