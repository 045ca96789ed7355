package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.RateLimiter;
import dev.roster.scim.testkit.RateLimiterContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The rate-limiter contract on a SQLite database's limiter: Bucket4j buckets in memory. */
class SqliteRateLimiterContractTest extends RateLimiterContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected RateLimiter createLimiter() {
        return databases.fresh(directory).rateLimiter();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
