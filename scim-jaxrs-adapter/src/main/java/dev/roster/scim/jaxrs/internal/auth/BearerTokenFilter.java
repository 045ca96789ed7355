package dev.roster.scim.jaxrs.internal.auth;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.Admission;
import dev.roster.scim.core.port.in.RateLimitRefusal;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.jaxrs.ScimErrors;
import dev.roster.scim.jaxrs.ScimPaths;
import dev.roster.scim.jaxrs.SiteResolver;
import dev.roster.scim.jaxrs.internal.resource.ScimEndpoint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Lets a request under the SCIM base through only with {@code Authorization: Bearer <token>} of the site named in
 * the path, while SCIM is enabled there (RFC 7644 §2, RFC 6750). The core compares the token's hash in constant
 * time; this filter only translates: {@code 401} with {@code WWW-Authenticate: Bearer} for a missing, wrong or
 * other site's token, {@code 403} when the site has SCIM off, {@code 429} with {@code Retry-After} when one of the
 * site's rate limits is used up (ADR 024; discovery endpoints count like the rest). It fails closed and never logs
 * the token.
 * <p>
 * It runs before matching, so that a request without the token gets nothing else: not Jersey's automatic
 * {@code OPTIONS} answer, nor the 404, 405, 406 or 415 it gives while matching. {@link Matched} checks again, after
 * matching, any request routed to a SCIM resource that this filter did not recognise by its path.
 * {@link dev.roster.scim.jaxrs.ScimFeature} registers both at {@code Priorities.AUTHENTICATION}.
 */
@PreMatching
public final class BearerTokenFilter implements ContainerRequestFilter {

    private static final String CHALLENGE = "Bearer realm=\"SCIM\"";
    private static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".authenticated";

    private final SiteAdministration sites;
    private final SiteResolver siteResolver;

    public BearerTokenFilter(SiteAdministration sites, SiteResolver siteResolver) {
        this.sites = sites;
        this.siteResolver = siteResolver;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ScimPaths.siteSegment(request.getUriInfo().getPathSegments())
                .ifPresent(segment -> authenticate(request, Optional.of(segment)));
    }

    /** The same check for the filter after matching. */
    public Matched afterMatching() {
        return new Matched(this);
    }

    private void authenticate(ContainerRequestContext request, Optional<String> siteSegment) {
        Optional<SiteId> site = siteSegment.flatMap(siteResolver::resolve);
        Optional<String> token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Admission admission = site.isPresent() && token.isPresent()
                ? sites.admit(site.get(), token.get(), clientAddress(request))
                : Admission.of(AccessDecision.UNAUTHENTICATED);
        if (admission.rateLimited().isPresent()) {
            request.abortWith(tooManyRequests(request, admission.rateLimited().get()));
            return;
        }
        switch (admission.decision()) {
            case OK -> {
                request.setProperty(AUTHENTICATED, Boolean.TRUE);
                admission.site().ifPresent(admitted -> AdmittedRequests.keep(request, admitted));
            }
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

    private static Response tooManyRequests(ContainerRequestContext request, RateLimitRefusal refusal) {
        return Response.fromResponse(ScimErrors.response(ScimErrorType.TOO_MANY_REQUESTS, refusal.detail(),
                        ScimErrors.acceptedBy(request)))
                .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds())
                .build();
    }

    private static String clientAddress(ContainerRequestContext request) {
        return request.getProperty(ScimPaths.CLIENT_ADDRESS_PROPERTY) instanceof String address ? address
                : "unknown";
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

    /**
     * The backstop after matching, for every {@link ScimEndpoint}: a request that reached a SCIM resource without
     * passing the check before matching (a path Jersey matched in a form the check did not take for the SCIM base)
     * is checked now, with the site Jersey matched.
     */
    @ScimEndpoint
    public static final class Matched implements ContainerRequestFilter {

        private final BearerTokenFilter check;

        private Matched(BearerTokenFilter check) {
            this.check = check;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!Boolean.TRUE.equals(request.getProperty(AUTHENTICATED))) {
                check.authenticate(request, Optional.ofNullable(request.getUriInfo().getPathParameters()
                        .getFirst(ScimPaths.SITE_PARAMETER)));
            }
        }
    }
}
