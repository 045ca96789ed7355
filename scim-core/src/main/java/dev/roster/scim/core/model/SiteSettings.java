package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A site's SCIM controls: whether SSO is set up (SCIM settings need it), whether the SCIM API is on, whether SCIM
 * may change roles, what a SCIM POST of an unknown user does ({@link CreationPolicy}; empty for a site that never
 * chose, which then follows the embedder's default). Its bearer tokens are {@link SiteToken}s, kept beside it.
 */
public record SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                           Optional<CreationPolicy> creationPolicy) {

    public SiteSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
    }

    /** A new site: SSO not set up, SCIM off, no creation policy of its own. */
    public static SiteSettings newSite(SiteId site) {
        return new SiteSettings(site, false, false, false, Optional.empty());
    }

    /** The site's own creation policy, else {@code fallback}. */
    public CreationPolicy creationPolicyOr(CreationPolicy fallback) {
        return creationPolicy.orElse(Objects.requireNonNull(fallback, "fallback"));
    }

    public SiteSettings withSsoConfigured(boolean value) {
        return new SiteSettings(site, value, scimEnabled, manageRoles, creationPolicy);
    }

    public SiteSettings withScimEnabled(boolean value) {
        return new SiteSettings(site, ssoConfigured, value, manageRoles, creationPolicy);
    }

    public SiteSettings withManageRoles(boolean value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, value, creationPolicy);
    }

    public SiteSettings withCreationPolicy(Optional<CreationPolicy> value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, value);
    }
}
