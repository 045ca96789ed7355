package dev.roster.scim.mybatis.contract;

import dev.roster.scim.testkit.AccountOutboxContract;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.AfterEach;

/** The core's account outbox contract on PostgreSQL. */
class PostgresAccountOutboxContractTest extends AccountOutboxContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected OutboxStores createOutbox() {
        RosterDatabase database = databases.fresh();
        return new OutboxStores(database.accountOutbox(), database.transactions());
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
