package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RateLimiter} of one process: a Bucket4j bucket per name, in memory, for the one server a SQLite file
 * allows (ADR 024). A bucket is made afresh when its limit changes. Buckets of sites and tokens that no longer have
 * traffic are dropped once full (a full bucket says no more than none) whenever the map grows past
 * {@link #SWEEP_ABOVE} entries, so deleted tokens do not pile up.
 */
final class MemoryRateLimiter implements RateLimiter {

    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, LimitedBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Optional<Duration> tryAcquire(String bucket, RateLimit limit) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(LimitedBucket::full);
        }
        LimitedBucket limited = buckets.compute(bucket, (name, current) ->
                current != null && current.limit().equals(limit) ? current : LimitedBucket.of(limit));
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    private record LimitedBucket(RateLimit limit, Bucket bucket) {

        static LimitedBucket of(RateLimit limit) {
            return new LimitedBucket(limit, Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.burst())
                            .refillGreedy(limit.requests(), limit.period()).build())
                    .build());
        }

        boolean full() {
            return bucket.getAvailableTokens() >= limit.burst();
        }
    }
}
