package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class SignInFailuresTest extends DatabaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void eachFailurePushesTheClientsInstantOneIntervalPastTheLaterOfItAndNow() {
        SignInFailures failures = database.signInFailures();
        assertThat(failures.nextFreeAt("10.0.0.1")).isEmpty();

        assertThat(failures.record("10.0.0.1", T0, MINUTE)).isEqualTo(T0.plus(MINUTE));
        assertThat(failures.record("10.0.0.1", T0, MINUTE)).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
        // Later than its instant: counts from now, not from the old instant.
        Instant later = T0.plus(Duration.ofMinutes(10));
        assertThat(failures.record("10.0.0.1", later, MINUTE)).isEqualTo(later.plus(MINUTE));

        assertThat(failures.nextFreeAt("10.0.0.1")).contains(later.plus(MINUTE));
        assertThat(failures.nextFreeAt("10.0.0.2")).isEmpty();
    }

    @Test
    void clientsWhoseInstantHasPassedAreForgotten() {
        SignInFailures failures = database.signInFailures();
        failures.record("old", T0, MINUTE);

        failures.record("new", T0.plus(Duration.ofMinutes(5)), MINUTE);

        assertThat(failures.nextFreeAt("old")).isEmpty();
        assertThat(failures.nextFreeAt("new")).isPresent();
    }
}
