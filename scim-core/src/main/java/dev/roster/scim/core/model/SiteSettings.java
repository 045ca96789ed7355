package dev.roster.scim.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's SCIM controls: whether SSO is set up (SCIM settings need it), whether the SCIM API is on, whether SCIM
 * may change roles, what a SCIM POST of an unknown user does ({@link CreationPolicy}; empty for a site that never
 * chose, which then follows the embedder's default), and the hash of the current bearer token with its creation
 * time. The token itself is never kept.
 */
public record SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                           Optional<CreationPolicy> creationPolicy, Optional<TokenHash> tokenHash,
                           Optional<Instant> tokenCreatedAt) {

    public SiteSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tokenCreatedAt, "tokenCreatedAt");
    }

    /** A new site: SSO not set up, SCIM off, no creation policy of its own, no token. */
    public static SiteSettings newSite(SiteId site) {
        return new SiteSettings(site, false, false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The site's own creation policy, else {@code fallback}. */
    public CreationPolicy creationPolicyOr(CreationPolicy fallback) {
        return creationPolicy.orElse(Objects.requireNonNull(fallback, "fallback"));
    }

    public SiteSettings withSsoConfigured(boolean value) {
        return new SiteSettings(site, value, scimEnabled, manageRoles, creationPolicy, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withScimEnabled(boolean value) {
        return new SiteSettings(site, ssoConfigured, value, manageRoles, creationPolicy, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withManageRoles(boolean value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, value, creationPolicy, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withCreationPolicy(Optional<CreationPolicy> value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, value, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withToken(TokenHash hash, Instant createdAt) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, creationPolicy, Optional.of(hash),
                Optional.of(createdAt));
    }
}
