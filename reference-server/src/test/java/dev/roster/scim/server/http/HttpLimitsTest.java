package dev.roster.scim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The production limits are the ones docs/security.md states. The tests that see the timeouts fire
 * ({@code SlowClientsTest}) shorten them, and the size limits are exercised at these values by {@code EdgeLimitsTest};
 * this pins the values a started server uses, so that changing one means changing the docs too.
 */
class HttpLimitsTest {

    @Test
    void theProductionDefaultsAreTheDocumentedOnes() {
        HttpLimits defaults = HttpLimits.defaults();

        assertThat(defaults.headTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.bodyTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.keepAliveIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxKeepAliveRequests()).isEqualTo(1000);
        assertThat(defaults.workerThreads()).isEqualTo(16);
        assertThat(defaults.maxHeaderBytes()).isEqualTo(64 * 1024);
        assertThat(defaults.maxHeaderCount()).isEqualTo(100);
        assertThat(defaults.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.refusalLogsPerMinute()).isEqualTo(30);
    }

    @Test
    void shorterTimeoutsForTestsChangeNothingElse() {
        HttpLimits shortened = HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3));

        assertThat(shortened).isEqualTo(new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 1000, 16, 64 * 1024, 100, 1024 * 1024, 30));
    }
}
