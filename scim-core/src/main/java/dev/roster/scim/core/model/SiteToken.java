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
 *
 * <p>Immutable. Its {@link #toString()} leaves out the hash and the last use.
 *
 * @param id           the token's id, which names it in the admin API (not the secret)
 * @param site         the site the token opens
 * @param name         the admin's name for it, such as the IdP that holds it
 * @param hash         the hash of the secret; the secret itself is shown once, when it is made, and never kept
 * @param createdAt    when it was made
 * @param expiresAt    when it stops working; empty: it works until revoked
 * @param lastUsedAt   when it last opened the site, to {@link #LAST_USE_GRANULARITY}; empty if never
 * @param lastUsedFrom the client address of that use; empty if never
 */
public record SiteToken(String id, SiteId site, String name, TokenHash hash, Instant createdAt,
                        Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<String> lastUsedFrom) {

    /** How stale the recorded last use may be: a token in use is written once a minute, not once a request. */
    public static final Duration LAST_USE_GRANULARITY = java.time.Duration.ofMinutes(1);

    /**
     * Checks that no component is null.
     *
     * @param id           the token's id, which names it in the admin API (not the secret)
     * @param site         the site the token opens
     * @param name         the admin's name for it, such as the IdP that holds it
     * @param hash         the hash of the secret; the secret itself is shown once, when it is made, and never kept
     * @param createdAt    when it was made
     * @param expiresAt    when it stops working; empty: it works until revoked
     * @param lastUsedAt   when it last opened the site, to {@link #LAST_USE_GRANULARITY}; empty if never
     * @param lastUsedFrom the client address of that use; empty if never
     * @throws NullPointerException for a null component
     */
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

    /**
     * A token never used yet.
     *
     * @param id        the token's id
     * @param site      the site it opens
     * @param name      the admin's name for it
     * @param hash      the hash of its secret
     * @param createdAt when it is made
     * @param expiresAt when it stops working, or empty for never
     * @return the token, with no last use
     */
    public static SiteToken issued(String id, SiteId site, String name, TokenHash hash, Instant createdAt,
                                   Optional<Instant> expiresAt) {
        return new SiteToken(id, site, name, hash, createdAt, expiresAt, Optional.empty(), Optional.empty());
    }

    /**
     * Whether it opens the site at {@code now}.
     *
     * @param now the time of the request
     * @return {@code true} if it has no expiry, or one still ahead
     */
    public boolean isLiveAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /**
     * Whether its last use is due to be recorded again.
     *
     * @param now the time of the request
     * @return {@code true} if the recorded last use is missing, or {@link #LAST_USE_GRANULARITY} old or older
     */
    public boolean lastUseIsStaleAt(Instant now) {
        return lastUsedAt.map(at -> !at.plus(LAST_USE_GRANULARITY).isAfter(now)).orElse(true);
    }

    @Override
    public String toString() {
        return "SiteToken[id=" + id + ", site=" + site + ", name=" + name + ", createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
