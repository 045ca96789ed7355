package dev.roster.scim.jaxrs.auth;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.jaxrs.ScimEndpoint;
import dev.roster.scim.jaxrs.ScimFeature;
import dev.roster.scim.jaxrs.ScimPaths;
import dev.roster.scim.jaxrs.SiteResolver;
import dev.roster.scim.jaxrs.error.ScimErrors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Lets a request under the SCIM base through only with {@code Authorization: Bearer <token>} of the site named in
 * the path, while SCIM is enabled there (RFC 7644 §2, RFC 6750). The core compares the token's hash in constant
 * time; this filter only translates: {@code 401} with {@code WWW-Authenticate: Bearer} for a missing, wrong or
 * other site's token, {@code 403} when the site has SCIM off. It fails closed and never logs the token.
 * {@link ScimFeature} registers it at {@code Priorities.AUTHENTICATION}.
 */
@ScimEndpoint
public final class BearerTokenFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Bearer realm=\"SCIM\"";

    private final SiteAdministration sites;
    private final SiteResolver siteResolver;

    public BearerTokenFilter(SiteAdministration sites, SiteResolver siteResolver) {
        this.sites = sites;
        this.siteResolver = siteResolver;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<SiteId> site = Optional.ofNullable(request.getUriInfo().getPathParameters()
                .getFirst(ScimPaths.SITE_PARAMETER)).flatMap(siteResolver::resolve);
        Optional<String> token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        AccessDecision decision = site.isPresent() && token.isPresent()
                ? sites.authenticate(site.get(), token.get())
                : AccessDecision.UNAUTHENTICATED;
        switch (decision) {
            case OK -> { }
            case UNAUTHENTICATED -> request.abortWith(Response.fromResponse(ScimErrors.response(
                            ScimErrorType.UNAUTHORIZED,
                            "A valid bearer token of this site is required: send 'Authorization: Bearer <token>'.",
                            ScimErrors.acceptedBy(request)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .build());
            case SCIM_DISABLED -> request.abortWith(ScimErrors.response(ScimErrorType.FORBIDDEN,
                    "SCIM is disabled for this site; an administrator can enable it on the SCIM integration page.",
                    ScimErrors.acceptedBy(request)));
        }
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
