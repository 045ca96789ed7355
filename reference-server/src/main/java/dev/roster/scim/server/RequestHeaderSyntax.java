package dev.roster.scim.server;

import dev.roster.scim.jaxrs.RequestHeaders;
import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A malformed {@code Accept} or {@code Content-Type} gets a SCIM 400 on every path of the reference server (the
 * admin API and {@code /health} too). The SCIM paths it leaves to the adapter's own {@link RequestHeaders} filter:
 * every SCIM request had its headers parsed twice.
 */
@PreMatching
final class RequestHeaderSyntax implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ScimPaths.isScimPath(request.getUriInfo().getPath())) {
            RequestHeaders.refusal(request).ifPresent(request::abortWith);
        }
    }
}
