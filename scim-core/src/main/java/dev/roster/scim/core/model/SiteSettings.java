package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A site's SCIM controls: whether SSO is set up (SCIM settings need it), whether the SCIM API is on, whether SCIM
 * may change roles, what a SCIM POST of an unknown user does ({@link CreationPolicy}; empty for a site that never
 * chose, which then follows the embedder's default), and its {@link RateLimits} (none until set). Its bearer
 * tokens are {@link SiteToken}s, kept beside it. Immutable: the {@code withX} methods return a copy.
 *
 * <pre>{@code
 * SiteSettings settings = SiteSettings.newSite(SiteId.of("acme")).withSsoConfigured(true).withScimEnabled(true);
 * settings.creationPolicyOr(CreationPolicy.DEFAULT);   // PENDING
 * }</pre>
 *
 * @param site           the site
 * @param ssoConfigured  whether the site's SSO is set up; SCIM settings cannot be turned on without it
 * @param scimEnabled    whether the SCIM API answers for the site; off, every SCIM call is {@code 403}
 * @param manageRoles    whether SCIM may change roles ("Allow SCIM to manage user roles"); off, role values an IdP
 *                       sends are ignored and audited as such
 * @param creationPolicy the site's own {@link CreationPolicy}; empty for a site that never chose one
 * @param rateLimits     the site's rate limits, {@link RateLimits#NONE} until an admin sets one
 */
public record SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                           Optional<CreationPolicy> creationPolicy, RateLimits rateLimits) {

    /**
     * Checks that no component is null.
     *
     * @param site           the site
     * @param ssoConfigured  whether the site's SSO is set up; SCIM settings cannot be turned on without it
     * @param scimEnabled    whether the SCIM API answers for the site; off, every SCIM call is {@code 403}
     * @param manageRoles    whether SCIM may change roles ("Allow SCIM to manage user roles"); off, role values an IdP
     *                       sends are ignored and audited as such
     * @param creationPolicy the site's own {@link CreationPolicy}; empty for a site that never chose one
     * @param rateLimits     the site's rate limits, {@link RateLimits#NONE} until an admin sets one
     * @throws NullPointerException for a null component
     */
    public SiteSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /**
     * Settings without rate limits.
     *
     * @param site           the site
     * @param ssoConfigured  whether the site's SSO is set up
     * @param scimEnabled    whether the SCIM API answers for the site
     * @param manageRoles    whether SCIM may change roles
     * @param creationPolicy the site's own creation policy, or empty
     */
    public SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                        Optional<CreationPolicy> creationPolicy) {
        this(site, ssoConfigured, scimEnabled, manageRoles, creationPolicy, RateLimits.NONE);
    }

    /**
     * The settings of a new site.
     *
     * @param site the site
     * @return SSO not set up, SCIM off, roles not managed by SCIM, no creation policy of its own, no rate limit
     */
    public static SiteSettings newSite(SiteId site) {
        return new SiteSettings(site, false, false, false, Optional.empty(), RateLimits.NONE);
    }

    /**
     * The creation policy that applies to the site.
     *
     * @param fallback the embedder's default, for a site that never chose
     * @return the site's own creation policy, else {@code fallback}
     */
    public CreationPolicy creationPolicyOr(CreationPolicy fallback) {
        return creationPolicy.orElse(Objects.requireNonNull(fallback, "fallback"));
    }

    /**
     * A copy with SSO set up or not.
     *
     * @param value whether SSO is set up
     * @return the copy
     */
    public SiteSettings withSsoConfigured(boolean value) {
        return new SiteSettings(site, value, scimEnabled, manageRoles, creationPolicy, rateLimits);
    }

    /**
     * A copy with the SCIM API on or off.
     *
     * @param value whether the SCIM API answers
     * @return the copy
     */
    public SiteSettings withScimEnabled(boolean value) {
        return new SiteSettings(site, ssoConfigured, value, manageRoles, creationPolicy, rateLimits);
    }

    /**
     * A copy in which SCIM may, or may not, change roles.
     *
     * @param value whether SCIM manages roles
     * @return the copy
     */
    public SiteSettings withManageRoles(boolean value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, value, creationPolicy, rateLimits);
    }

    /**
     * A copy with another creation policy of the site's own.
     *
     * @param value the policy, or empty to follow the embedder's default
     * @return the copy
     */
    public SiteSettings withCreationPolicy(Optional<CreationPolicy> value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, value, rateLimits);
    }

    /**
     * A copy with other rate limits.
     *
     * @param value the limits
     * @return the copy
     */
    public SiteSettings withRateLimits(RateLimits value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, creationPolicy, value);
    }
}
