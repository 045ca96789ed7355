package dev.roster.scim.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's SCIM controls: whether SSO is set up (SCIM settings need it), whether the SCIM API is on, whether SCIM
 * may change roles, and the hash of the current bearer token with its creation time. The token itself is never
 * kept.
 */
public record SiteSettings(SiteId site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                           Optional<TokenHash> tokenHash, Optional<Instant> tokenCreatedAt) {

    public SiteSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tokenCreatedAt, "tokenCreatedAt");
    }

    /** A new site: SSO not set up, SCIM off, no token. */
    public static SiteSettings newSite(SiteId site) {
        return new SiteSettings(site, false, false, false, Optional.empty(), Optional.empty());
    }

    public SiteSettings withSsoConfigured(boolean value) {
        return new SiteSettings(site, value, scimEnabled, manageRoles, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withScimEnabled(boolean value) {
        return new SiteSettings(site, ssoConfigured, value, manageRoles, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withManageRoles(boolean value) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, value, tokenHash, tokenCreatedAt);
    }

    public SiteSettings withToken(TokenHash hash, Instant createdAt) {
        return new SiteSettings(site, ssoConfigured, scimEnabled, manageRoles, Optional.of(hash),
                Optional.of(createdAt));
    }
}
