package dev.roster.scim.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a site's SCIM bearer tokens, as Roster keeps it: an id to name it by in the admin API, the admin's name
 * for it (which IdP holds it), its hash (never the token), when it was made, when it stops working (empty: until
 * revoked), and when and from which client address it was last used. The last use is recorded at most once a
 * {@link #LAST_USE_GRANULARITY} per token, so it is that coarse.
 *
 * <pre>{@code
 * SiteToken token = ...;
 * token.isLiveAt(clock.instant());   // not expired
 * }</pre>
 */
public record SiteToken(String id, SiteId site, String name, TokenHash hash, Instant createdAt,
                        Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<String> lastUsedFrom) {

    /** How stale the recorded last use may be: a token in use is written once a minute, not once a request. */
    public static final Duration LAST_USE_GRANULARITY = java.time.Duration.ofMinutes(1);

    public SiteToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(lastUsedFrom, "lastUsedFrom");
    }

    /** A token never used yet. */
    public static SiteToken issued(String id, SiteId site, String name, TokenHash hash, Instant createdAt,
                                   Optional<Instant> expiresAt) {
        return new SiteToken(id, site, name, hash, createdAt, expiresAt, Optional.empty(), Optional.empty());
    }

    /** Whether it opens the site at {@code now}: it has no expiry, or one still ahead. */
    public boolean isLiveAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /** Whether its recorded last use is missing or older than {@link #LAST_USE_GRANULARITY} at {@code now}. */
    public boolean lastUseIsStaleAt(Instant now) {
        return lastUsedAt.map(at -> !at.plus(LAST_USE_GRANULARITY).isAfter(now)).orElse(true);
    }

    public SiteToken withExpiresAt(Instant at) {
        return new SiteToken(id, site, name, hash, createdAt, Optional.of(at), lastUsedAt, lastUsedFrom);
    }

    @Override
    public String toString() {
        return "SiteToken[id=" + id + ", site=" + site + ", name=" + name + ", createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
