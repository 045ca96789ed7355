package dev.roster.scim.jaxrs.json;

import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Treats a request body sent without a {@code Content-Type} as SCIM JSON. Okta's SCIM spec test posts bodies
 * without one; refusing them with 415 would fail an IdP's own conformance test for no gain.
 */
@PreMatching
public final class DefaultContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null || contentType.isBlank()) && request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimMediaTypes.SCIM_JSON);
        }
    }
}
