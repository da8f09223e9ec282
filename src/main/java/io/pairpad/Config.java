package io.pairpad;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the service, read once from the environment and validated at start-up.
 * The README's configuration table lists the same names and defaults.
 */
public record Config(
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Path dataDir,
        List<String> allowedOrigins,
        Limits limits,
        Edge edge,
        Optional<String> redisUrl) {

    /** How pairpad meets the outside: its proxy, TLS, and per-address limits beyond PROTOCOL.md's table. */
    public record Edge(int autocompletesPerMinute, boolean trustProxy, long hstsMaxAgeSeconds) {

        public static Edge defaults() {
            return new Edge(600, false, 0);
        }
    }

    /** The limits of PROTOCOL.md's Limits table. */
    public record Limits(
            int maxDocChars,
            int maxMessageBytes,
            int msgRate,
            int msgBurst,
            int maxConnectionsPerRoom,
            int roomsPerMinute) {

        public static Limits defaults() {
            return new Limits(1_000_000, 2 * 1024 * 1024, 50, 200, 100, 60);
        }
    }

    public static Config defaults() {
        return fromEnv(Map.of());
    }

    public static Config fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        Limits d = Limits.defaults();
        Limits limits = new Limits(
                r.positiveInt("PAIRPAD_MAX_DOC_CHARS", d.maxDocChars()),
                r.positiveInt("PAIRPAD_MAX_MESSAGE_BYTES", d.maxMessageBytes()),
                r.positiveInt("PAIRPAD_MSG_RATE", d.msgRate()),
                r.positiveInt("PAIRPAD_MSG_BURST", d.msgBurst()),
                r.positiveInt("PAIRPAD_MAX_CONNECTIONS_PER_ROOM", d.maxConnectionsPerRoom()),
                r.positiveInt("PAIRPAD_ROOMS_PER_MINUTE", d.roomsPerMinute()));
        int port = r.intInRange("PORT", 8080, 0, 65535);
        Optional<String> databaseUrl = r.optional("DATABASE_URL").map(Config::checkDatabaseUrl);
        Edge e = Edge.defaults();
        Edge edge = new Edge(
                r.positiveInt("PAIRPAD_AUTOCOMPLETES_PER_MINUTE", e.autocompletesPerMinute()),
                r.bool("PAIRPAD_TRUST_PROXY", e.trustProxy()),
                r.intInRange("PAIRPAD_HSTS_MAX_AGE", (int) e.hstsMaxAgeSeconds(), 0, Integer.MAX_VALUE));
        return new Config(
                port,
                databaseUrl,
                r.optional("DATABASE_USER"),
                r.optional("DATABASE_PASSWORD"),
                Path.of(r.string("PAIRPAD_DATA_DIR", "./data")),
                r.optional("PAIRPAD_ALLOWED_ORIGINS").map(Config::origins).orElse(List.of()),
                limits,
                edge,
                r.optional("REDIS_URL").map(Config::checkRedisUrl));
    }

    public Config withPort(int newPort) {
        return new Config(newPort, databaseUrl, databaseUser, databasePassword, dataDir, allowedOrigins, limits, edge,
                redisUrl);
    }

    public Config withLimits(Limits newLimits) {
        return new Config(port, databaseUrl, databaseUser, databasePassword, dataDir, allowedOrigins, newLimits, edge,
                redisUrl);
    }

    public Config withAllowedOrigins(List<String> origins) {
        return new Config(port, databaseUrl, databaseUser, databasePassword, dataDir, origins, limits, edge, redisUrl);
    }

    public Config withRedisUrl(String url) {
        return new Config(port, databaseUrl, databaseUser, databasePassword, dataDir, allowedOrigins, limits, edge,
                Optional.of(url));
    }

    public Config withEdge(Edge newEdge) {
        return new Config(port, databaseUrl, databaseUser, databasePassword, dataDir, allowedOrigins, limits, newEdge,
                redisUrl);
    }

    private static String checkDatabaseUrl(String url) {
        if (!(url.startsWith("jdbc:postgresql:") || url.startsWith("postgres://") || url.startsWith("postgresql://"))) {
            throw new ConfigException("DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
        }
        return url;
    }

    private static String checkRedisUrl(String url) {
        if (!(url.startsWith("redis://") || url.startsWith("rediss://"))) {
            throw new ConfigException("REDIS_URL must start with redis:// or rediss://");
        }
        return url;
    }

    private static List<String> origins(String value) {
        List<String> origins = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                throw new ConfigException("PAIRPAD_ALLOWED_ORIGINS has '" + origin
                        + "', which is not an origin like https://example.com or http://localhost:3000");
            }
        }
        return origins;
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            boolean httpScheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            return httpScheme && uri.getHost() != null && bare && uri.getRawQuery() == null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Reads variables and turns a bad value into a one-line {@link ConfigException}. */
    private record EnvReader(Map<String, String> env) {

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        String string(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new ConfigException(name + " must be true or false, got '" + value.get() + "'");
            };
        }

        int positiveInt(String name, int fallback) {
            return intInRange(name, fallback, 1, Integer.MAX_VALUE);
        }

        int intInRange(String name, int fallback, int min, int max) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number from " + min + " to " + max
                        + ", got '" + value.get() + "'");
            }
        }
    }
}
