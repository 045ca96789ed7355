package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.in.RateLimitRefusal;
import dev.roster.scim.core.port.out.RateLimiter;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rate limits a SCIM request with a live token counts against, and in which order (ADR 024). The token's own
 * bucket first: a token over its share is refused without touching the site's bucket, so a runaway token takes from
 * the site's limit no more than its own allows, and the identity provider's real token keeps the rest. Only then the
 * site's bucket, over all its tokens. Buckets exist only for sites and live tokens, never for what a client sent,
 * so their number is bounded by the stored sites and tokens.
 */
public final class RateLimitPolicy {

    private final RateLimiter limiter;

    public RateLimitPolicy(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /** Takes the request's permits; the refusal, if a limit is used up. */
    public Optional<RateLimitRefusal> admit(SiteSettings settings, SiteToken token) {
        RateLimits limits = settings.rateLimits();
        Optional<RateLimitRefusal> tokenRefusal = limits.perToken().flatMap(limit -> take(
                "token/" + token.site().value() + "/" + token.id(), limit, RateLimitRefusal.Scope.TOKEN));
        if (tokenRefusal.isPresent()) {
            return tokenRefusal;
        }
        return limits.site().flatMap(limit -> take("site/" + settings.site().value(), limit,
                RateLimitRefusal.Scope.SITE));
    }

    private Optional<RateLimitRefusal> take(String bucket, RateLimit limit, RateLimitRefusal.Scope scope) {
        Optional<Duration> wait = limiter.tryAcquire(bucket, limit);
        return wait.map(duration -> new RateLimitRefusal(scope, limit, duration));
    }
}
