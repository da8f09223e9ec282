package io.pairpad.rooms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pairpad.web.AddressRateLimiter;
import io.pairpad.web.ClientAddress;
import io.pairpad.web.JsonBody;
import io.pairpad.web.RequestBodies;
import java.util.Optional;

/** The REST handlers of /api/rooms: parse, call the service, answer. */
public final class RoomController {
    private final RoomService service;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final ClientAddress clientAddress;
    private final AddressRateLimiter creationLimiter;

    public RoomController(RoomService service, ObjectMapper mapper, RequestBodies bodies,
            ClientAddress clientAddress, AddressRateLimiter creationLimiter) {
        this.clientAddress = clientAddress;
        this.bodies = bodies;
        this.service = service;
        this.mapper = mapper;
        this.creationLimiter = creationLimiter;
    }

    public void create(Context ctx) {
        creationLimiter.acquire(clientAddress.of(ctx));
        JsonBody body = JsonBody.parse(mapper, bodies.text(ctx), true);
        Room room = service.create(body.optionalString("language"), body.optionalString("code"));
        ctx.status(201).header("Location", "/api/rooms/" + room.roomId()).json(room);
    }

    public void get(Context ctx) {
        ctx.json(service.get(RoomIds.require(ctx.pathParam("roomId"))));
    }

    public void update(Context ctx) {
        var id = RoomIds.require(ctx.pathParam("roomId"));
        JsonBody body = JsonBody.parse(mapper, bodies.text(ctx), false);
        Optional<String> language = body.optionalString("language");
        Optional<String> code = body.optionalString("code");
        ctx.json(service.update(id, language, code));
    }

    public void delete(Context ctx) {
        service.delete(RoomIds.require(ctx.pathParam("roomId")));
        ctx.status(204);
    }
}
