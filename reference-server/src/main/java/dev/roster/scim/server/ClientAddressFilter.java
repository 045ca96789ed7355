package dev.roster.scim.server;

import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import org.glassfish.grizzly.http.server.Request;

/**
 * Hands the SCIM adapter the peer's address (the socket's, not a forwarded header a client could write), which the
 * bearer token check records as the token's last client.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
final class ClientAddressFilter implements ContainerRequestFilter {

    @Context
    private Provider<Request> connection;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = connection.get().getRemoteAddr();
        if (address != null && !address.isBlank()) {
            request.setProperty(ScimPaths.CLIENT_ADDRESS_PROPERTY, address);
        }
    }
}
