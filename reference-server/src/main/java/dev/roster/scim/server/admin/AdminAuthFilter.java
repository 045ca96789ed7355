package dev.roster.scim.server.admin;

import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.http.server.Request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Lets an admin call through with a live session cookie (the admin page) or HTTP Basic as user {@code admin} with
 * the admin password (curl, scripts). Passwords are checked by the {@link PasswordGate}, which throttles guessing;
 * its refusals are {@code 429} and {@code 503} with {@code Retry-After}.
 */
@AdminEndpoint
final class AdminAuthFilter implements ContainerRequestFilter {

    static final String USER = "admin";
    private static final String REALM = "realm=\"Roster admin\"";

    private final PasswordGate passwords;
    private final SignInSessions sessions;
    private final MetricsToken scrapeToken;

    @Context
    private ResourceInfo resource;

    @Context
    private Provider<Request> connection;

    AdminAuthFilter(PasswordGate passwords, SignInSessions sessions, MetricsToken scrapeToken) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.scrapeToken = scrapeToken;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(WithoutCredentials.class)) {
            return;
        }
        if (scrapeTokenPresented(request)) {
            return;
        }
        Optional<String> basic = basicCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (basic.isEmpty()) {
            if (SessionCookie.presented(request).filter(sessions::isLive).isEmpty()) {
                request.abortWith(unauthorized(request, "Sign in on the admin page, or send HTTP Basic "
                        + "authentication as user 'admin' with the admin password."));
            }
            return;
        }
        String credentials = basic.get();
        int colon = credentials.indexOf(':');
        String user = colon < 0 ? credentials : credentials.substring(0, colon);
        String password = colon < 0 ? "" : credentials.substring(colon + 1);
        PasswordGate.Verdict verdict = passwords.check(client(), user, password);
        if (!verdict.accepted()) {
            request.abortWith(refusal(request, verdict));
        }
    }

    /** The metrics token, where the endpoint takes it; any other bearer token falls through to a 401. */
    private boolean scrapeTokenPresented(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ScrapeTokenAccepted.class)
                && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && scrapeToken.matches(authorization.substring(7).strip());
    }

    String client() {
        return ClientAddress.of(connection.get().getRemoteAddr());
    }

    /** The answer to a password the gate did not accept. */
    static Response refusal(ContainerRequestContext request, PasswordGate.Verdict verdict) {
        return switch (verdict.outcome()) {
            case REJECTED, ACCEPTED -> unauthorized(request, "The user or the admin password is wrong.");
            case THROTTLED -> retryLater(request, 429, verdict, "Too many failed sign-ins from your address; try "
                    + "again in " + seconds(verdict) + " seconds.");
            case BUSY -> retryLater(request, 503, verdict, "The server is checking too many passwords at once; try "
                    + "again in " + seconds(verdict) + " seconds.");
        };
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return Response.fromResponse(ScimErrors.response(401, Optional.empty(), detail,
                        ScimErrors.acceptedBy(request)))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge(request))
                .build();
    }

    /**
     * Basic for curl and scripts. A script in a browser page gets a challenge the browser has no prompt for, so an
     * ended session brings the admin back to the page's own sign-in form instead of the browser's password dialog.
     */
    private static String challenge(ContainerRequestContext request) {
        String mode = request.getHeaderString("Sec-Fetch-Mode");
        boolean pageScript = request.getHeaderString("X-Requested-With") != null
                || mode != null && !mode.equalsIgnoreCase("navigate");
        return pageScript ? "Session " + REALM : "Basic " + REALM + ", charset=\"UTF-8\"";
    }

    private static Response retryLater(ContainerRequestContext request, int status, PasswordGate.Verdict verdict,
                                       String detail) {
        return Response.fromResponse(ScimErrors.response(status, Optional.empty(), detail,
                        ScimErrors.acceptedBy(request)))
                .header(HttpHeaders.RETRY_AFTER, seconds(verdict))
                .build();
    }

    private static long seconds(PasswordGate.Verdict verdict) {
        long millis = verdict.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static Optional<String> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
