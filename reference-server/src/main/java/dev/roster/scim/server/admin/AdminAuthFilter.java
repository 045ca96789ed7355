package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.jaxrs.error.ScimErrors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP Basic with user {@code admin} and the admin password, for the admin API and the sign-in simulation.
 * Verifying the password is deliberately slow (PBKDF2), so the SHA-256 of the last credentials that passed is
 * remembered and compared in constant time; a wrong password always pays the full price.
 */
@AdminEndpoint
public final class AdminAuthFilter implements ContainerRequestFilter {

    static final String USER = "admin";

    private final AdminPassword password;
    private final AtomicReference<byte[]> lastVerified = new AtomicReference<>(new byte[0]);

    public AdminAuthFilter(AdminPassword password) {
        this.password = password;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> credentials = basicCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isPresent() && verified(credentials.get())) {
            return;
        }
        request.abortWith(Response.fromResponse(ScimErrors.response(ScimErrorType.UNAUTHORIZED,
                        "The admin API needs HTTP Basic authentication as user 'admin' with the admin password.",
                        ScimErrors.acceptedBy(request)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Roster admin\", charset=\"UTF-8\"")
                .build());
    }

    private boolean verified(String credentials) {
        byte[] digest = sha256(credentials);
        if (MessageDigest.isEqual(digest, lastVerified.get())) {
            return true;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0 || !credentials.substring(0, colon).equals(USER)
                || !password.matches(credentials.substring(colon + 1))) {
            return false;
        }
        lastVerified.set(digest);
        return true;
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
