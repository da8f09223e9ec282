package io.pairpad.web;

import io.javalin.http.Context;

/**
 * The address a request came from, for per-address limits. Behind a trusted reverse proxy every request
 * arrives from the proxy, so the client is the first address of X-Forwarded-For instead.
 */
public final class ClientAddress {
    private final boolean trustProxy;

    public ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",", 2)[0].trim();
            }
        }
        return ctx.ip();
    }
}
