package io.pairpad.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pairpad.web.AddressRateLimiter;
import io.pairpad.web.ClientAddress;
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
        AutocompleteRequest request = AutocompleteRequest.parse(mapper, bodies.text(ctx), maxDocChars);
        ctx.json(service.complete(request.code(), request.cursor(), request.language()));
    }

    /**
     * Starts warming the request path up in the background ({@link Warmup}): the body's decoding and parsing
     * as here, then the completer, on a service with caches of its own.
     */
    public void warmUp() {
        Warmup.startOnce(service, mapper, maxDocChars);
    }
}
