package dev.roster.scim.server.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page
 * makes the browser send it), {@code Path=/} (the admin API lives under {@code /admin/api} and
 * {@code /c/{site}/…}), and {@code Secure} when the request came over TLS or the public URL is https.
 */
final class SessionCookie {

    static final String NAME = "roster_admin_session";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private SessionCookie() {
    }

    static String issue(String id, Duration maxAge, boolean secure) {
        return NAME + "=" + id + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** Tells the browser to drop the cookie. */
    static String cleared(boolean secure) {
        return issue("", Duration.ZERO, secure);
    }

    /** The session id the request presents, if it presents a well-formed one. */
    static Optional<String> presented(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(NAME);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> ID.matcher(value).matches());
    }
}
