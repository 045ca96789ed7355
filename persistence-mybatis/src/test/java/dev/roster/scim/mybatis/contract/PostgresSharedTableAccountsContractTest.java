package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.Accounts;
import dev.roster.scim.testkit.AccountsContract;
import org.junit.jupiter.api.AfterEach;

/** The core's accounts contract on a host table in Roster's PostgreSQL schema, written on Roster's connection. */
class PostgresSharedTableAccountsContractTest extends AccountsContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected Accounts createAccounts() {
        return new SharedTableAccounts(databases.fresh());
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
