package dev.roster.scim.server;

import dev.roster.scim.server.http.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Optional;

/**
 * Gives every request Jersey serves its correlation id ({@link RequestIds}: the client's {@code X-Request-Id} if it
 * is acceptable, else a fresh one) and echoes it in the response's {@code X-Request-Id}, refusals included, so that
 * an IdP admin's report of a failed call can be found in the access log.
 */
@PreMatching
@Priority(0)
final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PROPERTY = RequestIdFilter.class.getName() + ".id";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, RequestIds.of(Optional.ofNullable(request.getHeaderString(RequestIds.HEADER))));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.HEADER, of(request));
    }

    /** The request's id; a fresh one if the request filter did not run (a failure before it). */
    static String of(ContainerRequestContext request) {
        if (!(request.getProperty(PROPERTY) instanceof String id)) {
            String fresh = RequestIds.fresh();
            request.setProperty(PROPERTY, fresh);
            return fresh;
        }
        return id;
    }
}
