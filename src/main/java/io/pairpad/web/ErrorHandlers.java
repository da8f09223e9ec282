package io.pairpad.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pairpad.rooms.RoomIds;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to PROTOCOL.md's error shape, in one place. */
public final class ErrorHandlers {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, e.status(), e.error(), e.getMessage());
        });
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.error(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> respondToFramework(ctx, e.getStatus()));
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = UUID.randomUUID().toString().substring(0, 8);
            log.error("Request {} {} {} failed", requestId, ctx.method(), RoomIds.redact(ctx.path()), e);
            respond(ctx, 500, "internal", "Internal error (request id " + requestId + ")");
        });
        routes.error(404, ctx -> {
            if (!isErrorBody(ctx)) {
                respond(ctx, 404, "not_found", "No such path: " + Names.shorten(ctx.path(), 200));
            }
        });
        routes.error(405, ctx -> respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here"));
    }

    private static void respondToFramework(Context ctx, int status) {
        switch (status) {
            case 404 -> respond(ctx, 404, "not_found", "No such path: " + Names.shorten(ctx.path(), 200));
            case 413 -> respond(ctx, 413, "too_large", "The body is over the size limit");
            case 400 -> respond(ctx, 400, "invalid_json", "The request could not be read");
            default -> respond(ctx, status, status >= 500 ? "internal" : "bad_request", "Request failed");
        }
    }

    private static boolean isErrorBody(Context ctx) {
        String body = ctx.result();
        return body != null && body.startsWith("{\"error\"");
    }

    public static void respond(Context ctx, int status, String error, String message) {
        ctx.status(status).json(new ErrorBody(error, message));
    }
}
