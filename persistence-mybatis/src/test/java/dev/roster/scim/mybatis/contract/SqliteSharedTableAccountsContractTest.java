package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.Accounts;
import dev.roster.scim.testkit.AccountsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's accounts contract on a host table in Roster's SQLite file, written on Roster's connection. */
class SqliteSharedTableAccountsContractTest extends AccountsContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected Accounts createAccounts() {
        return new SharedTableAccounts(databases.fresh(directory));
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
