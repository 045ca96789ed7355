package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.ExchangeLog;
import dev.roster.scim.testkit.ExchangeLogContract;
import org.junit.jupiter.api.AfterEach;

/** The core's exchange-log contract on a real PostgreSQL database. */
class PostgresExchangeLogContractTest extends ExchangeLogContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected ExchangeLog createLog() {
        return databases.fresh().exchangeLog();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
