package dev.roster.scim.server;

import dev.roster.scim.jaxrs.RequestHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A malformed {@code Accept} or {@code Content-Type} gets a SCIM 400 on every path of the reference server (the
 * admin API and {@code /health} too), not only on the SCIM paths the adapter guards.
 */
@PreMatching
final class RequestHeaderSyntax implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        RequestHeaders.refusal(request).ifPresent(request::abortWith);
    }
}
