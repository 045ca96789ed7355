package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.ExchangeLog;
import dev.roster.scim.testkit.ExchangeLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's exchange-log contract on a real SQLite file. */
class SqliteExchangeLogContractTest extends ExchangeLogContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected ExchangeLog createLog() {
        return databases.fresh(directory).exchangeLog();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
