package dev.roster.scim.core.port.in;

/**
 * Whether a bearer token opens a site's SCIM API ({@link SiteAdministration#authenticate}). An adapter answers
 * {@code 401} with {@code WWW-Authenticate: Bearer} for {@link #UNAUTHENTICATED} (RFC 6750 §3) and {@code 403}
 * for {@link #SCIM_DISABLED}.
 *
 * <pre>{@code
 * switch (siteAdministration.authenticate(site, bearerToken)) {
 *     case OK -> proceed();
 *     case UNAUTHENTICATED -> abort(401);
 *     case SCIM_DISABLED -> abort(403);
 * }
 * }</pre>
 */
public enum AccessDecision {
    /** The token is one of the site's live ones and SCIM is enabled. */
    OK,
    /** No such site, no token, or no live token of the site (wrong, expired, revoked): indistinguishable. */
    UNAUTHENTICATED,
    /** The token is right, but the site has SCIM turned off. */
    SCIM_DISABLED
}
