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
     * if it exists.
     */
    SiteSettings createSite(String name);

    /**
     * The site's settings as they apply, its creation policy always present (the default for a site that never
     * chose one); 404 for an unknown site.
     */
    SiteSettings settings(SiteId site);

    /** Every site, by name. */
    List<SiteId> sites();

    /**
     * Applies the change and returns the new settings, as {@link #settings} shows them; 409, changing nothing, when
     * SCIM settings would be on, or the creation policy would change, without SSO.
     */
    SiteSettings updateSettings(SiteId site, SettingsChange change);

    /**
     * A new bearer token named {@value TokenRequest#DEFAULT_NAME}, without expiry; the site's other tokens stop
     * working at once. The same as {@code generateToken(site, TokenRequest.named("token"))}.
     */
    GeneratedToken generateToken(SiteId site);

    /**
     * A new bearer token: 256 random bits, base64url without padding. Only its hash is kept, so it is shown once.
     * What becomes of the site's other tokens is the request's choice (a rotation with an overlap, at once, or
     * none); tokens that expired earlier are removed. {@code 400 invalidValue} for a name of more than 64
     * characters or with control characters, an expiry that is not ahead, an overlap below zero or above 30 days;
     * {@code 409} without SSO, or when the site would have more than 10 live tokens. Audited.
     */
    GeneratedToken generateToken(SiteId site, TokenRequest request);

    /** The site's tokens, oldest first, expired ones that are not removed yet included; 404 for an unknown site. */
    List<SiteToken> tokens(SiteId site);

    /** The token stops working at once, on every server; audited. 404 for an unknown site or token. */
    void revokeToken(SiteId site, String tokenId);

    /**
     * Whether a presented bearer token opens the site's SCIM API. Fails closed, and does not tell an unknown site
     * from a wrong, expired or revoked token; says {@link AccessDecision#SCIM_DISABLED} only to a caller holding a
     * live token. Records the token's last use and the client's address, at most once a minute per token.
     */
    AccessDecision authenticate(SiteId site, String presentedToken, String clientAddress);

    /**
     * {@link #authenticate} and then the site's rate limits (ADR 024), for a request that is to be served: a
     * request whose token opens the site takes a permit from its token's bucket and from the site's, or is refused
     * with what to tell the client. A wrong token is refused before any limit is consulted. An implementation
     * without rate limits admits as {@link #authenticate} decides.
     */
    default Admission admit(SiteId site, String presentedToken, String clientAddress) {
        return Admission.of(authenticate(site, presentedToken, clientAddress));
    }

    /** {@link #authenticate(SiteId, String, String)} from a client whose address is not known. */
    default AccessDecision authenticate(SiteId site, String presentedToken) {
        return authenticate(site, presentedToken, "unknown");
    }
}
