package io.antiphon.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;

/**
 * Who may use the page. On loopback (the default) the page answers only requests addressed to this machine by name
 * ({@code Host} 127.0.0.1, localhost or [::1]: a web page elsewhere cannot reach it through DNS rebinding). On any
 * other address every request carries the token printed at start: {@code ?token=} in the URL (the page then keeps it
 * in a same-site cookie) or {@code Authorization: Bearer}. A WebSocket is accepted only from the page's own origin.
 */
final class PageAccess {

    /** A request refused: its status and one sentence. */
    static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String sentence) {
            super(sentence, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static final String COOKIE = "antiphon_token";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final PageOptions options;

    PageAccess(PageOptions options) {
        this.options = options;
    }

    /** Refuses ({@link Refusal}) a request from where it may not come; lets the token's cookie be set. */
    void check(Context ctx) {
        if (options.token() == null) {
            if (!LOOPBACK_HOSTS.contains(hostName(ctx.header("Host")))) {
                throw new Refusal(403, "this page answers only when addressed as 127.0.0.1, localhost or [::1]");
            }
            return;
        }
        String fromUrl = ctx.queryParam("token");
        String authorization = ctx.header("Authorization");
        String fromHeader = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : null;
        if (matches(fromUrl)) {
            ctx.header("Set-Cookie", COOKIE + "=" + options.token() + "; Path=/; HttpOnly; SameSite=Strict");
            return;
        }
        if (matches(fromHeader) || matches(ctx.cookie(COOKIE))) return;
        throw new Refusal(403, "this page needs the token Antiphon printed when it started: open the address it printed");
    }

    /** Refuses a WebSocket upgrade whose {@code Origin} is not the page's own address. */
    void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return;   // not a browser: the token or loopback rule applies
        String host = ctx.header("Host");
        String originHost;
        try {
            originHost = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || originHost == null || !host.equalsIgnoreCase(originHost)) {
            throw new Refusal(403, "the live page's WebSocket talks only to the page itself");
        }
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    /** The host name of a {@code Host} header, without the port, lower case; "" when absent. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) return "";
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
