package dev.roster.scim.server.admin;

import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Refuses every admin call with {@code 503} and {@code Retry-After: 1} while the start is still deriving the admin
 * password's key (PBKDF2, slow on purpose) and storing it: SCIM answers meanwhile, but no admin call may be judged by
 * the password or the sessions of before this start, which the new password may replace (docs/adr/031).
 */
@AdminEndpoint
final class PasswordPendingFilter implements ContainerRequestFilter {

    private final BooleanSupplier ready;

    PasswordPendingFilter(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (ready.getAsBoolean()) {
            return;
        }
        request.abortWith(Response.fromResponse(ScimErrors.response(503, Optional.empty(), "The server is still "
                        + "starting: it is checking the admin password. Try again in a second.",
                        ScimErrors.acceptedBy(request)))
                .header(HttpHeaders.RETRY_AFTER, 1)
                .build());
    }
}
