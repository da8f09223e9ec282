package io.pairpad.web;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself, before any route runs (a request target it cannot read, a URI or headers
 * over its size limits), in PROTOCOL.md's {@code {"error", "message"}} shape instead of an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    /** Every method gets the body, not only GET and POST as with Jetty's pages. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        String error;
        String message;
        switch (status) {
            case 404 -> {
                error = "not_found";
                message = "No such path";
            }
            case 405 -> {
                error = "method_not_allowed";
                message = "This method is not allowed here";
            }
            case 413, 414, 431 -> {
                error = "too_large";
                message = "The request is over a size limit";
            }
            default -> {
                error = status >= 500 ? "internal" : "bad_request";
                message = status >= 500 ? "Internal error" : "The request could not be read";
            }
        }
        return ("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
