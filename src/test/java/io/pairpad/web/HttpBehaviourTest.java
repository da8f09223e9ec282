package io.pairpad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.Languages;
import io.pairpad.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBehaviourTest {

    @Test
    void languagesListsEverySupportedLanguage() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).get("/api/languages");
            assertEquals(200, reply.status());
            List<String> listed = new ArrayList<>();
            reply.json().get("languages").forEach(n -> listed.add(n.textValue()));
            assertEquals(Languages.ALL, listed);
            assertTrue(listed.containsAll(List.of("python", "javascript", "typescript", "java", "go", "c", "cpp",
                    "csharp", "rust", "ruby", "kotlin", "php", "sql", "plaintext")));
        });
    }

    @Test
    void unknownPathIsAJson404() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port()).get("/api/nothing/here");
            assertEquals(404, reply.status());
            assertEquals("not_found", reply.error());
        });
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            for (String path : new String[] {"/", "/api/languages", "/health", "/missing"}) {
                Api.Reply reply = api.get(path);
                String csp = reply.header("Content-Security-Policy");
                assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path);
                assertFalse(csp.contains("unsafe-inline") && !path.equals("/docs"), path + ": " + csp);
                assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
                assertEquals("no-referrer", reply.header("Referrer-Policy"), path);
            }
        });
    }

    @Test
    void pageIsServedAtRootDemoAndRoomLinks() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            String root = api.get("/").body();
            assertTrue(root.contains("<html"), root);
            assertEquals(root, api.get("/demo.html").body());
            Api.Reply room = api.get("/r/3f2c8a3e-0000-4000-8000-000000000000?name=Ada");
            assertEquals(200, room.status());
            assertEquals(root, room.body());
            assertTrue(room.header("Content-Type").startsWith("text/html"));
        });
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Config config = Config.defaults().withAllowedOrigins(List.of("https://allowed.example"));
        TestApp.run(config, (server, client) -> {
            Api api = new Api(server.port());
            Api.Reply allowed = api.send("GET", "/api/languages", null, "Origin", "https://allowed.example");
            assertEquals("https://allowed.example", allowed.header("Access-Control-Allow-Origin"));
            Api.Reply other = api.send("GET", "/api/languages", null, "Origin", "https://evil.example");
            assertNull(other.header("Access-Control-Allow-Origin"));
            Api.Reply preflight = api.send("OPTIONS", "/api/rooms", null,
                    "Origin", "https://allowed.example", "Access-Control-Request-Method", "POST");
            assertEquals("https://allowed.example", preflight.header("Access-Control-Allow-Origin"));
        });
    }

    @Test
    void noCorsHeadersByDefault() {
        TestApp.run((server, client) -> {
            Api.Reply reply = new Api(server.port())
                    .send("GET", "/api/languages", null, "Origin", "https://elsewhere.example");
            assertNull(reply.header("Access-Control-Allow-Origin"));
        });
    }

    @Test
    void docsServeSwaggerUiAndTheOpenApiDocument() {
        TestApp.run((server, client) -> {
            Api api = new Api(server.port());
            Api.Reply docs = api.get("/docs");
            assertEquals(200, docs.status());
            assertTrue(docs.body().contains("swagger-ui"));
            assertEquals(200, api.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status());
            assertEquals(200, api.get("/docs/init.js").status());
            Api.Reply openApi = api.get("/openapi.json");
            assertEquals(200, openApi.status());
            assertTrue(openApi.json().get("openapi").textValue().startsWith("3.1"));
        });
    }

    @Test
    void hstsOnlyWhenConfiguredAndOverTls() {
        Config hsts = Config.defaults().withEdge(new Config.Edge(600, true, 31_536_000));
        TestApp.run(hsts, (server, client) -> {
            Api api = new Api(server.port());
            assertNull(api.get("/api/languages").header("Strict-Transport-Security"), "plain HTTP");
            assertEquals("max-age=31536000; includeSubDomains", api.send("GET", "/api/languages", null,
                    "X-Forwarded-Proto", "https").header("Strict-Transport-Security"));
        });
        TestApp.run((server, client) -> assertNull(new Api(server.port())
                .send("GET", "/", null, "X-Forwarded-Proto", "https").header("Strict-Transport-Security")));
    }

    @Test
    void autocompleteIsRateLimitedPerAddress() {
        Config limited = Config.defaults().withEdge(new Config.Edge(3, false, 0));
        TestApp.run(limited, (server, client) -> {
            Api api = new Api(server.port());
            String body = "{\"code\": \"ab a\", \"cursorPosition\": 4, \"language\": \"plaintext\"}";
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.post("/api/autocomplete", body).status());
            }
            Api.Reply refused = api.post("/api/autocomplete", body);
            refused.assertError(429, "rate_limited");
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        });
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnLimit() {
        Config proxied = Config.defaults().withEdge(new Config.Edge(1, true, 0));
        TestApp.run(proxied, (server, client) -> {
            Api api = new Api(server.port());
            String body = "{\"code\": \"x\", \"cursorPosition\": 1, \"language\": \"plaintext\"}";
            assertEquals(200, api.send("POST", "/api/autocomplete", body, "X-Forwarded-For", "203.0.113.1").status());
            assertEquals(200, api.send("POST", "/api/autocomplete", body, "X-Forwarded-For", "203.0.113.2").status());
            api.send("POST", "/api/autocomplete", body, "X-Forwarded-For", "203.0.113.1, 10.0.0.1")
                    .assertError(429, "rate_limited");
        });
    }
}
