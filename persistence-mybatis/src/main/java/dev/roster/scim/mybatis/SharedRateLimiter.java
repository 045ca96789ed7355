package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.port.out.RateLimiter;
import dev.roster.scim.mybatis.internal.mapper.RateLimitMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimiter} in {@code rate_limit_buckets} of a PostgreSQL database, so that every server on it shares one
 * limit (ADR 024): the generic cell rate algorithm, one row per bucket, one auto-committed statement per admitted
 * request (a refused one adds a read for the wait). Rows of full buckets are deleted at most once a minute per
 * server, piggy-backed on a request.
 */
final class SharedRateLimiter implements RateLimiter {

    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Sessions sessions;
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

    SharedRateLimiter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Duration> tryAcquire(String bucket, RateLimit limit) {
        sweepNowAndThen();
        long interval = micros(limit.interval());
        long capacity = interval * limit.burst();
        boolean taken = sessions.autoCommitted(session -> session.getMapper(RateLimitMapper.class)
                .take(bucket, interval, capacity)) > 0;
        if (taken) {
            return Optional.empty();
        }
        // Admitted again once the full instant (at most the capacity ahead, as the statement counts it) is at most
        // capacity - interval ahead of now.
        long ahead = sessions.autoCommitted(session -> session.getMapper(RateLimitMapper.class).fullIn(bucket))
                .orElse(0L);
        long wait = Math.min(ahead, capacity) - capacity + interval;
        return Optional.of(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(Math.max(1, wait))));
    }

    private void sweepNowAndThen() {
        long due = nextSweep.get();
        if (System.nanoTime() - due >= 0 && nextSweep.compareAndSet(due, System.nanoTime() + SWEEP_EVERY_NANOS)) {
            sessions.autoCommitted(session -> session.getMapper(RateLimitMapper.class).deleteFull());
        }
    }

    private static long micros(Duration duration) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMicros(duration.toNanos()));
    }
}
