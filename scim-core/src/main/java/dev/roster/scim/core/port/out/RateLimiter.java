package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.RateLimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets by name: takes one permit from the named bucket under the given limit, or says how long until one
 * is free. The core names the buckets and picks the limits (ADR 024); an adapter keeps the buckets, in memory for
 * one server or in the database for several that share a limit. A bucket whose limit changed may start afresh.
 * {@code dev.roster.scim.testkit.RateLimiterContract} (roster-testkit) pins the behaviour down. persistence-mybatis
 * ships both ({@code RosterDatabase.rateLimiter()}); {@code SiteAdministrationService} calls it on every SCIM
 * request whose token opens the site, from many threads at once, so an implementation is thread-safe and cheap.
 *
 * <pre>{@code
 * Optional<Duration> wait = limiter.tryAcquire("site/acme", RateLimit.parse("600/min"));
 * if (wait.isPresent()) refuse(wait.get()); else proceed();
 * }</pre>
 */
public interface RateLimiter {

    /** A limiter that admits everything: no bucket anywhere. */
    RateLimiter NONE = (bucket, limit) -> Optional.empty();

    /**
     * Empty when a permit was free and is now taken; else how long until the bucket has one (more than zero), and
     * nothing was taken.
     *
     * @param bucket the bucket's name, chosen by the core (one per site, and one per token of a site); a bucket
     *               not seen before starts full
     * @param limit  the bucket's size and refill rate ({@code 600/min}: up to 600 at once, then one every 100 ms)
     * @return empty when admitted; else the wait until a permit is free, more than zero
     */
    Optional<Duration> tryAcquire(String bucket, RateLimit limit);
}
