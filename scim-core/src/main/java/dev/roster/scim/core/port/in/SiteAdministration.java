package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;

import java.util.List;

/**
 * Sites and their SCIM controls, as the product's "SCIM integration" page offers them: enable SCIM, generate
 * bearer tokens (several per site, rotated with an overlap, revoked one by one), allow SCIM to manage roles; and what a SCIM POST of someone who has not signed in yet does (the
 * site's {@code CreationPolicy}: pending, jit-only or allow). SCIM settings need SSO: turning SCIM or role management on,
 * choosing another creation policy, or generating a token, while SSO is not configured is {@code 409}. Turning SSO
 * off turns SCIM and role management off with it (there is no JIT sign-in without SSO, so SCIM would manage users
 * that cannot sign in) and keeps the creation policy.
 *
 * <p>Roster implements it ({@code SiteAdministrationService}); the host's admin pages (the reference server's admin
 * API) call the administration methods, and the JAX-RS adapter's bearer-token filter calls {@link #admit} on every
 * SCIM request. It is thread-safe. Each change runs in one {@code Transactions} unit; changes of settings and
 * tokens are audited in the same unit. Failures are {@code ScimException}s with the status to answer.
 *
 * <pre>{@code
 * sites.createSite("acme");
 * sites.updateSettings(SiteId.of("acme"), SettingsChange.none().ssoConfigured(true).scimEnabled(true));
 * GeneratedToken token = sites.generateToken(SiteId.of("acme"));   // shown once
 * sites.authenticate(SiteId.of("acme"), token.token(), "192.0.2.7"); // AccessDecision.OK
 * }</pre>
 */
public interface SiteAdministration {

    /**
     * A new site with SSO not configured, SCIM off and the default creation policy; 400 for an invalid name, 409
     * if it exists. The site also gets the default rate limits the service was given.
     *
     * @param name the site's name as it appears in {@code /c/{site}/…}: 1 to 63 of {@code a-z}, {@code 0-9} and
     *             {@code -}
     * @return the new site's settings
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidValue} for an invalid name, {@code 409} if a
     *                                                  site of that name exists
     */
    SiteSettings createSite(String name);

    /**
     * The site's settings as they apply, its creation policy always present (the default for a site that never
     * chose one); 404 for an unknown site.
     *
     * @param site the site
     * @return its settings, read afresh
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site
     */
    SiteSettings settings(SiteId site);

    /**
     * Every site, by name.
     *
     * @return the sites' names in ascending order; empty when there is none
     */
    List<SiteId> sites();

    /**
     * Applies the change and returns the new settings, as {@link #settings} shows them; 409, changing nothing, when
     * SCIM settings would be on, or the creation policy would change, without SSO. A change that changes nothing
     * writes and audits nothing. Turning role management off also drops the roles the IdP set on pending
     * identities (their first sign-in gives Registered then); accounts keep their roles.
     *
     * @param site   the site to change
     * @param change the settings to change; absent ones stay as they are
     * @return the settings after the change
     * @throws dev.roster.scim.core.error.ScimException {@code 409} as above, {@code 404} for an unknown site
     */
    SiteSettings updateSettings(SiteId site, SettingsChange change);

    /**
     * A new bearer token named {@value TokenRequest#DEFAULT_NAME}, without expiry; the site's other tokens stop
     * working at once. The same as {@code generateToken(site, TokenRequest.named("token"))}.
     *
     * @param site the site the token opens
     * @return the token, to show once, and what is kept of it
     * @throws dev.roster.scim.core.error.ScimException {@code 409} without SSO, {@code 404} for an unknown site
     */
    GeneratedToken generateToken(SiteId site);

    /**
     * A new bearer token: 256 random bits, base64url without padding. Only its hash is kept, so it is shown once.
     * What becomes of the site's other tokens is the request's choice (a rotation with an overlap, at once, or
     * none); tokens that expired earlier are removed. {@code 400 invalidValue} for a name of more than 64
     * characters or with control characters, an expiry that is not ahead, an overlap below zero or above 30 days;
     * {@code 409} without SSO, or when the site would have more than 10 live tokens. Audited.
     *
     * @param site    the site the token opens
     * @param request the token's name, expiry, and what becomes of the other tokens
     * @return the token, to show once, and what is kept of it
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidValue}, {@code 409} as above;
     *                                                  {@code 404} for an unknown site
     */
    GeneratedToken generateToken(SiteId site, TokenRequest request);

    /**
     * The site's tokens, oldest first, expired ones that are not removed yet included; 404 for an unknown site.
     *
     * @param site the site
     * @return the tokens as kept (hashes, never the tokens), with their names, expiries and last uses
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site
     */
    List<SiteToken> tokens(SiteId site);

    /**
     * The token stops working at once, on every server; audited. 404 for an unknown site or token.
     *
     * @param site    the site of the token
     * @param tokenId the token's id, as {@link #tokens} shows it ({@code SiteToken.id()}), not the token itself
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site or token
     */
    void revokeToken(SiteId site, String tokenId);

    /**
     * Whether a presented bearer token opens the site's SCIM API. Fails closed, and does not tell an unknown site
     * from a wrong, expired or revoked token; says {@link AccessDecision#SCIM_DISABLED} only to a caller holding a
     * live token. Records the token's last use and the client's address, at most once a minute per token. Every
     * stored hash of the site is compared in constant time, so the time taken tells nothing of which token matched.
     *
     * @param site           the site named in the request path; may name no site
     * @param presentedToken the bearer token as the client sent it; null or empty is {@code UNAUTHENTICATED}
     * @param clientAddress  the client's address, as the adapter saw it, for the token's last use; null is
     *                       {@code "unknown"}
     * @return whether the token opens the site's SCIM API
     */
    AccessDecision authenticate(SiteId site, String presentedToken, String clientAddress);

    /**
     * {@link #authenticate} and then the site's rate limits (ADR 024), for a request that is to be served: a
     * request whose token opens the site takes a permit from its token's bucket and from the site's, or is refused
     * with what to tell the client. A wrong token is refused before any limit is consulted. An implementation
     * without rate limits admits as {@link #authenticate} decides. A request a limit refuses does not record the
     * token's use.
     *
     * @param site           the site named in the request path; may name no site
     * @param presentedToken the bearer token as the client sent it; null or empty is refused
     * @param clientAddress  the client's address, as the adapter saw it
     * @return the decision and, for a live token, the rate limit that refused the request, if one did
     */
    default Admission admit(SiteId site, String presentedToken, String clientAddress) {
        return Admission.of(authenticate(site, presentedToken, clientAddress));
    }

    /**
     * {@link #authenticate(SiteId, String, String)} from a client whose address is not known.
     *
     * @param site           the site named in the request path
     * @param presentedToken the bearer token as the client sent it
     * @return whether the token opens the site's SCIM API
     */
    default AccessDecision authenticate(SiteId site, String presentedToken) {
        return authenticate(site, presentedToken, "unknown");
    }
}
