package io.pairpad.docs;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI document and the Swagger UI page over it. */
public final class DocsController {
    private final byte[] openApi = resource("/openapi.json");
    private final byte[] swaggerPage = resource("/docs/index.html");

    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    public void swaggerUi(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(swaggerPage);
    }

    static byte[] resource(String path) {
        try (InputStream in = DocsController.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
