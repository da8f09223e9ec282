package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.AddressRateLimiter;
import io.pairpad.web.ApiException;
import io.pairpad.web.ClientAddress;
import io.pairpad.web.JsonBody;
import io.pairpad.web.RequestBodies;

/** {@code POST /api/autocomplete}: validates the request fully, then asks the service. */
public final class AutocompleteController {
    private final AutocompleteService service;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final int maxDocChars;
    private final ClientAddress clientAddress;
    private final AddressRateLimiter limiter;

    public AutocompleteController(AutocompleteService service, ObjectMapper mapper, RequestBodies bodies,
            int maxDocChars, ClientAddress clientAddress, AddressRateLimiter limiter) {
        this.clientAddress = clientAddress;
        this.limiter = limiter;
        this.service = service;
        this.mapper = mapper;
        this.bodies = bodies;
        this.maxDocChars = maxDocChars;
    }

    public void complete(Context ctx) {
        limiter.acquire(clientAddress.of(ctx));
        JsonBody body = JsonBody.parse(mapper, bodies.text(ctx), false);
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
        ctx.json(service.complete(code, cursor, language));
    }
}
