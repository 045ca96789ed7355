package dev.roster.scim.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * Refuses, with a SCIM 400, a request whose {@code Accept} or {@code Content-Type} does not parse. Jersey parses
 * them while matching a resource and answers a failure with a bare 400 of its own that no exception mapper sees,
 * so this runs before matching, with Jersey's own parser. {@link ScimFeature} registers it for the SCIM paths;
 * {@link #refusal(ContainerRequestContext)} lets a host check its other paths the same way.
 */
@PreMatching
public final class RequestHeaders implements ContainerRequestFilter {

    /** A filter for {@link ScimFeature} to register; a host that registers the feature needs no other. */
    public RequestHeaders() {
    }

    /**
     * Aborts a request under a site's SCIM base with the {@link #refusal} for its headers, if there is one.
     *
     * @param request the request, before matching
     */
    @Override
    public void filter(ContainerRequestContext request) {
        if (ScimPaths.isScimPath(request.getUriInfo().getPath())) {
            refusal(request).ifPresent(request::abortWith);
        }
    }

    /**
     * The refusal of a request whose {@code Accept} or {@code Content-Type} does not parse (RFC 9110 §12.5.1,
     * §8.3), for a host to abort its own requests with.
     *
     * @param request the request, before matching
     * @return a SCIM Error response with status 400 and a {@code detail} naming the header and its expected form
     *         (in {@code application/scim+json}); empty when both headers parse or are absent
     */
    public static Optional<Response> refusal(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException malformed) {
            return Optional.of(badRequest("The Accept header is not a list of media ranges such as "
                    + "'application/scim+json, application/json;q=0.9'."));
        }
        try {
            request.getMediaType();
        } catch (RuntimeException malformed) {
            return Optional.of(badRequest("The Content-Type header is not a media type such as "
                    + "'application/scim+json'."));
        }
        return Optional.empty();
    }

    private static Response badRequest(String detail) {
        return ScimErrors.response(400, Optional.empty(), detail, List.of());
    }
}
