package io.pairpad.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A JDBC URL with its credentials, made from {@code DATABASE_URL} in either of its accepted forms. */
public record JdbcUrl(String url, Optional<String> user, Optional<String> password) {

    /**
     * Accepts {@code jdbc:postgresql:...} as it is, and turns {@code postgres://user:pass@host:port/db?params}
     * into its JDBC form. Explicit user and password win over those in the URL.
     */
    public static JdbcUrl parse(String databaseUrl, Optional<String> user, Optional<String> password) {
        if (databaseUrl.startsWith("jdbc:")) {
            return new JdbcUrl(databaseUrl, user, password);
        }
        URI uri = URI.create(databaseUrl);
        String[] userInfo = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
        Optional<String> urlUser = userInfo.length > 0 ? Optional.of(decode(userInfo[0])) : Optional.empty();
        Optional<String> urlPassword = userInfo.length > 1 ? Optional.of(decode(userInfo[1])) : Optional.empty();
        String hostPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new JdbcUrl("jdbc:postgresql://" + hostPort + path + query,
                user.or(() -> urlUser), password.or(() -> urlPassword));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with no credentials, safe to log. */
    public String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
