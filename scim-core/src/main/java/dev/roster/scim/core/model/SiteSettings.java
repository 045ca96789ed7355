package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A site's SCIM controls: whether SSO is set up (SCIM settings need it), whether the SCIM API is on, whether SCIM
 * may change roles, what a SCIM POST of an unknown user does ({@link CreationPolicy}; empty for a site that never
 * chose, which then follows the embedder's default), and its {@link RateLimits} (none until set). Its bearer
 * tokens are {@link SiteToken}s, kept beside it.
 */
public record SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                           Optional<CreationPolicy> creationPolicy, RateLimits rateLimits) {

    public SiteSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Settings without rate limits. */
    public SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                        Optional<CreationPolicy> creationPolicy) {
        this(site, ssoConfigured, scimEnabled, manageRoles, creationPolicy, RateLimits.NONE);
    }

    /** A new site: SSO not set up, SCIM off, no creation policy of its own, no rate limit. */
    public static SiteSettings newSite(SiteId site) {
        return new SiteSettings(site, false, false, false, Optional.empty(), RateLimits.NONE);
    }

    /** The site's own creation policy, else {@code fallback}. */
    public CreationPolicy creationPolicyOr(CreationPolicy fallback) {
        return creationPolicy.orElse(Objects.requireNonNull(fallback, "fallback"));
    }

    public SiteSettings withSsoConfigured(boolean value) {
        return new SiteSettings(site, value, scimEnabled, manageRoles, creationPolicy, rateLimits);
    }

    public SiteSettings withScimEnabled(boolean value) {
        return new SiteSettings(site, ssoConfigured, value, manageRoles, creationPolicy, rateLimits);
    }

    public SiteSettings withManageRoles(boolean value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, value, creationPolicy, rateLimits);
    }

    public SiteSettings withCreationPolicy(Optional<CreationPolicy> value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, value, rateLimits);
    }

    public SiteSettings withRateLimits(RateLimits value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, creationPolicy, value);
    }
}
