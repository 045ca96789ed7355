package dev.roster.scim.mybatis.contract;

import dev.roster.scim.testkit.Stores;
import dev.roster.scim.testkit.TransactionsContract;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's transactions contract: the SQLite stores commit and roll back together. */
class SqliteTransactionsContractTest extends TransactionsContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected Stores createStores() {
        RosterDatabase database = databases.fresh(directory);
        return new Stores(database.userStore(), database.siteStore(), database.auditLog(), database.transactions());
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
