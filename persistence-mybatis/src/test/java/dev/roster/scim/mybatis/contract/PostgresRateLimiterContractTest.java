package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.RateLimiter;
import dev.roster.scim.testkit.RateLimiterContract;
import org.junit.jupiter.api.AfterEach;

/** The rate-limiter contract on a real PostgreSQL database: the buckets in {@code rate_limit_buckets}. */
class PostgresRateLimiterContractTest extends RateLimiterContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected RateLimiter createLimiter() {
        return databases.fresh().rateLimiter();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
