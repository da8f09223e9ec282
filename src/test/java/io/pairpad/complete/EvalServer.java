package io.pairpad.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pairpad.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP server over {@link AutocompleteService} for measuring the completer before
 * (or without) the full server: POST /api/autocomplete, GET /api/languages and GET /health.
 * Test scope only.
 *
 *   java -cp target/classes:target/test-classes:... io.pairpad.complete.EvalServer 8765
 */
public final class EvalServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8765;
        // headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AutocompleteService service = new AutocompleteService();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", ex -> send(ex, 200, Map.of("status", "ok")));
        server.createContext("/api/languages", ex -> send(ex, 200, Map.of("languages", Languages.ALL)));
        server.createContext("/api/autocomplete", ex -> {
            try {
                if (!"POST".equals(ex.getRequestMethod())) {
                    send(ex, 405, error("method_not_allowed", "POST only"));
                    return;
                }
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                JsonNode req;
                try {
                    req = JSON.readTree(body);
                } catch (IOException e) {
                    send(ex, 400, error("invalid_json", "body is not JSON"));
                    return;
                }
                if (req == null || !req.isObject()) {
                    send(ex, 400, error("invalid_json", "body is not an object"));
                    return;
                }
                JsonNode code = req.get("code");
                JsonNode cur = req.has("cursorPosition") ? req.get("cursorPosition") : req.get("cursor");
                JsonNode lang = req.get("language");
                if (code == null || !code.isTextual() || cur == null || !cur.isIntegralNumber()
                        || lang == null || !lang.isTextual()) {
                    send(ex, 400, error("validation_failed", "code, cursorPosition and language are required"));
                    return;
                }
                String text = code.asText();
                int cursor = cur.asInt();
                if (cursor < 0 || cursor > text.length()) {
                    send(ex, 400, error("validation_failed", "cursorPosition out of range"));
                    return;
                }
                if (!Languages.isSupported(lang.asText())) {
                    send(ex, 400, error("unsupported_language", lang.asText() + " is not supported"));
                    return;
                }
                send(ex, 200, service.complete(text, cursor, lang.asText()));
            } catch (RuntimeException e) {
                send(ex, 500, error("internal", "completer failed"));
            }
        });
        server.start();
        System.out.println("EvalServer listening on http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Map<String, String> error(String code, String message) {
        return Map.of("error", code, "message", message);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] out = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
        ex.close();
    }
}
