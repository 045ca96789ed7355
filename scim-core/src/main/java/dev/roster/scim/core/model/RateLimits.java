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
 */
public record RateLimits(Optional<RateLimit> site, Optional<RateLimit> perToken) {

    /** No limit at all: what a site has until one is set. */
    public static final RateLimits NONE = new RateLimits(Optional.empty(), Optional.empty());

    public RateLimits {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(perToken, "perToken");
    }

    public RateLimits withSite(Optional<RateLimit> value) {
        return new RateLimits(value, perToken);
    }

    public RateLimits withPerToken(Optional<RateLimit> value) {
        return new RateLimits(site, value);
    }
}
