package dev.roster.scim.jaxrs.internal.json;

import dev.roster.scim.jaxrs.ScimMediaTypes;
import dev.roster.scim.jaxrs.internal.resource.ScimEndpoint;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Set;

/**
 * Treats a request body sent to a SCIM endpoint without a {@code Content-Type} as SCIM JSON. Okta's SCIM spec test
 * posts bodies without one; refusing them with 415 would fail an IdP's own conformance test for no gain.
 * <p>
 * A {@code POST}, {@code PUT} or {@code PATCH} with neither body nor {@code Content-Type} gets the type too: Jersey
 * reads no entity at all for such a request and hands the resource {@code null}, which surfaced as a 500. With the
 * type set, the JSON reader runs and answers {@code 400 invalidSyntax} for the empty body, as it does when the
 * type was sent.
 * <p>
 * It runs after matching and only for {@link ScimEndpoint}s, so the host application's own resources keep their
 * requests as sent (a request without {@code Content-Type} matches any {@code @Consumes}, so matching does not need
 * the type; the entity is read after this filter).
 */
@ScimEndpoint
public final class DefaultContentTypeFilter implements ContainerRequestFilter {

    private static final Set<String> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null || contentType.isBlank())
                && (request.hasEntity() || METHODS_WITH_BODY.contains(request.getMethod()))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimMediaTypes.SCIM_JSON);
        }
    }
}
