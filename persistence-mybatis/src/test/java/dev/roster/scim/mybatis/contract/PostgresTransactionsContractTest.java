package dev.roster.scim.mybatis.contract;

import dev.roster.scim.testkit.Stores;
import dev.roster.scim.testkit.TransactionsContract;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.AfterEach;

/** The core's transactions contract: the PostgreSQL stores commit and roll back together. */
class PostgresTransactionsContractTest extends TransactionsContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected Stores createStores() {
        RosterDatabase database = databases.fresh();
        return new Stores(database.userStore(), database.siteStore(), database.auditLog(), database.transactions());
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
