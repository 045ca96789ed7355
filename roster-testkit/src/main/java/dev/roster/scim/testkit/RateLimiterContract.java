package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.port.out.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/**
 * What every {@link RateLimiter} must do. Extend it with a factory for a fresh one. The limits are chosen so that
 * no test depends on how fast the machine is: refusals use limits that refill once an hour, and the one test that
 * waits for a refill waits for what the limiter itself said.
 */
public abstract class RateLimiterContract {

    private static final RateLimit HOURLY_BURST_OF_THREE = RateLimit.parse("1/h,burst=3");

    private RateLimiter limiter;

    /**
     * A new limiter without buckets; called before each test.
     *
     * @return the implementation under test, with no bucket yet
     */
    protected abstract RateLimiter createLimiter();

    @BeforeEach
    void createTheLimiter() {
        limiter = createLimiter();
    }

    @Test
    void theBurstIsAdmittedAtOnceAndTheNextRequestIsToldHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("site/acme", HOURLY_BURST_OF_THREE)).as("request %d", i + 1).isEmpty();
        }

        Optional<Duration> wait = limiter.tryAcquire("site/acme", HOURLY_BURST_OF_THREE);

        assertThat(wait).hasValueSatisfying(duration -> assertThat(duration)
                .isPositive().isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThan(Duration.ofMinutes(59)));
    }

    @Test
    void aRefusedRequestTakesNothing() {
        RateLimit one = RateLimit.parse("1/h");
        limiter.tryAcquire("site/acme", one);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("site/acme", one)).isPresent();
        }

        assertThat(limiter.tryAcquire("site/acme", one)).hasValueSatisfying(duration -> assertThat(duration)
                .isLessThanOrEqualTo(Duration.ofHours(1)));
    }

    @Test
    void bucketsOfDifferentNamesAreIndependent() {
        RateLimit one = RateLimit.parse("1/h");
        assertThat(limiter.tryAcquire("token/acme/a", one)).isEmpty();
        assertThat(limiter.tryAcquire("token/acme/a", one)).isPresent();

        assertThat(limiter.tryAcquire("token/acme/b", one)).isEmpty();
        assertThat(limiter.tryAcquire("site/acme", one)).isEmpty();
    }

    @Test
    void aRefusedBucketAdmitsAgainOnceTheWaitItNamedHasPassed() throws InterruptedException {
        RateLimit twoPerSecond = RateLimit.parse("2/s,burst=1");
        assertThat(limiter.tryAcquire("site/acme", twoPerSecond)).isEmpty();
        Optional<Duration> wait = limiter.tryAcquire("site/acme", twoPerSecond);
        // Half a second between two calls is not a race on any machine these tests run on.
        assertThat(wait).hasValueSatisfying(duration -> assertThat(duration)
                .isLessThanOrEqualTo(Duration.ofMillis(500)));

        Thread.sleep(wait.get().toMillis() + 20);

        assertThat(limiter.tryAcquire("site/acme", twoPerSecond)).isEmpty();
    }

    @Test
    void aRaisedLimitAppliesAtOnce() {
        RateLimit one = RateLimit.parse("1/h");
        limiter.tryAcquire("site/acme", one);
        assertThat(limiter.tryAcquire("site/acme", one)).isPresent();

        // Not the hour the old limit would make it wait: at most one interval of the new one.
        Optional<Duration> wait = limiter.tryAcquire("site/acme", RateLimit.parse("10/s"));
        assertThat(wait.orElse(Duration.ZERO)).isLessThanOrEqualTo(Duration.ofMillis(100));
    }
}
