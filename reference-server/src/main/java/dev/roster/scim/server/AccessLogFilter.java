package dev.roster.scim.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status and duration. The query string is left out (it can carry filters
 * with personal data) and no header is logged, so bearer tokens and passwords never reach the log.
 */
@Provider
@PreMatching
@Priority(1)
final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger ACCESS = LoggerFactory.getLogger("dev.roster.access");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        ACCESS.info("{} /{} {} {}ms", request.getMethod(), request.getUriInfo().getPath(false), response.getStatus(),
                millis);
    }
}
