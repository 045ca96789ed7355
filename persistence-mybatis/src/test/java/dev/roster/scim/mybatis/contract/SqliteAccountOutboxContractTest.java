package dev.roster.scim.mybatis.contract;

import dev.roster.scim.testkit.AccountOutboxContract;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's account outbox contract on a real SQLite file. */
class SqliteAccountOutboxContractTest extends AccountOutboxContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected OutboxStores createOutbox() {
        RosterDatabase database = databases.fresh(directory);
        return new OutboxStores(database.accountOutbox(), database.transactions());
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
