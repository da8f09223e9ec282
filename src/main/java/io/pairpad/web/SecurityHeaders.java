package io.pairpad.web;

import io.javalin.http.Context;

/** Headers every response carries: a strict CSP, no sniffing, no referrer (room links are secrets). */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Swagger UI sets inline styles; its page alone may use them. */
    private static final String DOCS_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private final long hstsMaxAgeSeconds;
    private final boolean trustProxy;

    /** @param hstsMaxAgeSeconds 0 sends no HSTS; otherwise it is sent on requests that arrived over TLS */
    public SecurityHeaders(long hstsMaxAgeSeconds, boolean trustProxy) {
        this.hstsMaxAgeSeconds = hstsMaxAgeSeconds;
        this.trustProxy = trustProxy;
    }

    public void apply(Context ctx) {
        if (hstsMaxAgeSeconds > 0 && overTls(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds + "; includeSubDomains");
        }
        boolean docs = ctx.path().equals("/docs") || ctx.path().startsWith("/webjars/");
        ctx.header("Content-Security-Policy", docs ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    private boolean overTls(Context ctx) {
        return "https".equals(ctx.scheme())
                || (trustProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
    }
}
