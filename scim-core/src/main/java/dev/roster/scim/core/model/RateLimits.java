package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A site's rate limits: one over all its SCIM traffic, and one over each of its bearer tokens, so that a leaked or
 * runaway token cannot use up the site's limit before the identity provider's real token gets its share. Either
 * may be absent: a site has no limit until an admin sets one (ADR 024).
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.NONE.withSite(Optional.of(RateLimit.parse("600/min")))
 *         .withPerToken(Optional.of(RateLimit.parse("300/min")));
 * }</pre>
 *
 * @param site     the limit of all the site's SCIM requests together, if it has one
 * @param perToken the limit of each bearer token's requests, if it has one
 */
public record RateLimits(Optional<RateLimit> site, Optional<RateLimit> perToken) {

    /** No limit at all: what a site has until one is set. */
    public static final RateLimits NONE = new RateLimits(Optional.empty(), Optional.empty());

    /**
     * Checks that no component is null.
     *
     * @param site     the limit of all the site's SCIM requests together, if it has one
     * @param perToken the limit of each bearer token's requests, if it has one
     * @throws NullPointerException for a null component
     */
    public RateLimits {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(perToken, "perToken");
    }

    /**
     * A copy with another limit for the whole site.
     *
     * @param value the limit, or empty for none
     * @return the copy
     */
    public RateLimits withSite(Optional<RateLimit> value) {
        return new RateLimits(value, perToken);
    }

    /**
     * A copy with another limit for each token.
     *
     * @param value the limit, or empty for none
     * @return the copy
     */
    public RateLimits withPerToken(Optional<RateLimit> value) {
        return new RateLimits(site, value);
    }
}
