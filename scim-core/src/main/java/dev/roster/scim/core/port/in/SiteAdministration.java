package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;

import java.util.List;

/**
 * Sites and their SCIM controls, as the product's "SCIM integration" page offers them: enable SCIM, generate the
 * bearer token, allow SCIM to manage roles; and what a SCIM POST of someone who has not signed in yet does (the
 * site's {@code CreationPolicy}: pending, jit-only or allow). SCIM settings need SSO: turning SCIM or role management on,
 * choosing another creation policy, or generating a token, while SSO is not configured is {@code 409}. Turning SSO
 * off turns SCIM and role management off with it (there is no JIT sign-in without SSO, so SCIM would manage users
 * that cannot sign in) and keeps the creation policy.
 *
 * <pre>{@code
 * sites.createSite("acme");
 * sites.updateSettings(SiteId.of("acme"), SettingsChange.none().ssoConfigured(true).scimEnabled(true));
 * GeneratedToken token = sites.generateToken(SiteId.of("acme"));   // shown once
 * sites.authenticate(SiteId.of("acme"), token.token());             // AccessDecision.OK
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
     * A new bearer token: 256 random bits, base64url without padding. Only its hash is kept, so it is shown once;
     * the previous token stops working at once.
     */
    GeneratedToken generateToken(SiteId site);

    /**
     * Whether a presented bearer token opens the site's SCIM API. Fails closed, and does not tell an unknown site
     * from a wrong token; says {@link AccessDecision#SCIM_DISABLED} only to a caller holding the right token.
     */
    AccessDecision authenticate(SiteId site, String presentedToken);
}
