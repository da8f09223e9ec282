package io.pairpad.web;

import java.net.URI;
import java.util.List;

/**
 * Which browser origins may call the API and open WebSockets: the page's own origin, and those listed in
 * PAIRPAD_ALLOWED_ORIGINS. A request without an Origin header comes from a non-browser client and passes.
 */
public final class OriginPolicy {
    private final List<String> allowedOrigins;

    public OriginPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * @param origin the Origin header, or null
     * @param host   the Host header the request was sent to
     */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        return allowedOrigins.contains(origin) || isSameOrigin(origin, host);
    }

    private static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost.equalsIgnoreCase(host) || withDefaultPort(uri).equalsIgnoreCase(host);
        } catch (Exception e) {
            return false;
        }
    }

    private static String withDefaultPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return uri.getHost() + ":" + port;
    }
}
