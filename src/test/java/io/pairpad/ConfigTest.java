package io.pairpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsMatchTheProtocolLimits() {
        Config config = Config.defaults();
        assertEquals(8080, config.port());
        assertEquals(Path.of("./data"), config.dataDir());
        assertTrue(config.databaseUrl().isEmpty());
        assertEquals(List.of(), config.allowedOrigins());
        assertEquals(new Config.Limits(1_000_000, 2 * 1024 * 1024, 50, 200, 100, 60), config.limits());
        assertEquals(new Config.Edge(600, false, 0), config.edge());
    }

    @Test
    void readsEverySetting() {
        Config config = Config.fromEnv(Map.ofEntries(
                Map.entry("PORT", "9000"),
                Map.entry("DATABASE_URL", "postgres://u:p@db:5432/pairpad"),
                Map.entry("DATABASE_USER", "alice"),
                Map.entry("DATABASE_PASSWORD", "secret"),
                Map.entry("PAIRPAD_DATA_DIR", "/var/lib/pairpad"),
                Map.entry("PAIRPAD_ALLOWED_ORIGINS", "https://a.example, http://localhost:3000"),
                Map.entry("PAIRPAD_MAX_DOC_CHARS", "5000"),
                Map.entry("PAIRPAD_MAX_MESSAGE_BYTES", "65536"),
                Map.entry("PAIRPAD_MSG_RATE", "10"),
                Map.entry("PAIRPAD_MSG_BURST", "20"),
                Map.entry("PAIRPAD_MAX_CONNECTIONS_PER_ROOM", "4"),
                Map.entry("PAIRPAD_ROOMS_PER_MINUTE", "7"),
                Map.entry("PAIRPAD_AUTOCOMPLETES_PER_MINUTE", "90"),
                Map.entry("PAIRPAD_TRUST_PROXY", "true"),
                Map.entry("PAIRPAD_HSTS_MAX_AGE", "3600")));
        assertEquals(9000, config.port());
        assertEquals("postgres://u:p@db:5432/pairpad", config.databaseUrl().orElseThrow());
        assertEquals("alice", config.databaseUser().orElseThrow());
        assertEquals("secret", config.databasePassword().orElseThrow());
        assertEquals(Path.of("/var/lib/pairpad"), config.dataDir());
        assertEquals(List.of("https://a.example", "http://localhost:3000"), config.allowedOrigins());
        assertEquals(new Config.Limits(5000, 65536, 10, 20, 4, 7), config.limits());
        assertEquals(new Config.Edge(90, true, 3600), config.edge());
    }

    @Test
    void badValuesNameTheirVariable() {
        assertNamed("PORT", Map.of("PORT", "eighty"));
        assertNamed("PORT", Map.of("PORT", "70000"));
        assertNamed("PAIRPAD_MAX_DOC_CHARS", Map.of("PAIRPAD_MAX_DOC_CHARS", "0"));
        assertNamed("PAIRPAD_MAX_MESSAGE_BYTES", Map.of("PAIRPAD_MAX_MESSAGE_BYTES", "-1"));
        assertNamed("PAIRPAD_MSG_RATE", Map.of("PAIRPAD_MSG_RATE", "1.5"));
        assertNamed("PAIRPAD_MSG_BURST", Map.of("PAIRPAD_MSG_BURST", "lots"));
        assertNamed("PAIRPAD_MAX_CONNECTIONS_PER_ROOM", Map.of("PAIRPAD_MAX_CONNECTIONS_PER_ROOM", "99999999999"));
        assertNamed("PAIRPAD_ROOMS_PER_MINUTE", Map.of("PAIRPAD_ROOMS_PER_MINUTE", "x"));
        assertNamed("DATABASE_URL", Map.of("DATABASE_URL", "mysql://localhost/db"));
        assertNamed("PAIRPAD_AUTOCOMPLETES_PER_MINUTE", Map.of("PAIRPAD_AUTOCOMPLETES_PER_MINUTE", "0"));
        assertNamed("PAIRPAD_TRUST_PROXY", Map.of("PAIRPAD_TRUST_PROXY", "maybe"));
        assertNamed("PAIRPAD_HSTS_MAX_AGE", Map.of("PAIRPAD_HSTS_MAX_AGE", "-5"));
        assertNamed("PAIRPAD_ALLOWED_ORIGINS", Map.of("PAIRPAD_ALLOWED_ORIGINS", "example.com"));
        assertNamed("PAIRPAD_ALLOWED_ORIGINS", Map.of("PAIRPAD_ALLOWED_ORIGINS", "https://a.example/path"));
    }

    private static void assertNamed(String variable, Map<String, String> env) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(env));
        assertTrue(e.getMessage().startsWith(variable + " "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
