package io.pairpad;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled page: one HTML file that shows the landing view or a room, by its path. */
public final class PageController {
    private final byte[] page;

    public PageController() {
        try (InputStream in = PageController.class.getResourceAsStream("/public/index.html")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /public/index.html");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void page(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page);
    }
}
