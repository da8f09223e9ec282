package io.pairpad;

import io.javalin.http.Context;
import io.pairpad.cluster.Bus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /health}: 200 while the database answers, 503 when it does not. In cluster mode it also says
 * whether Redis is reachable; without Redis an instance still edits, so that alone is no 503.
 */
public final class HealthController {
    private final Jdbi jdbi;
    private final Bus bus;

    public HealthController(Jdbi jdbi, Bus bus) {
        this.jdbi = jdbi;
        this.bus = bus;
    }

    public void health(Context ctx) {
        boolean databaseUp = databaseAnswers();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", databaseUp ? "ok" : "unavailable");
        body.put("database", databaseUp ? "ok" : "down");
        if (bus.clustered()) {
            body.put("redis", bus.isUp() ? "ok" : "down");
        }
        ctx.status(databaseUp ? 200 : 503).json(body);
    }

    private boolean databaseAnswers() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
