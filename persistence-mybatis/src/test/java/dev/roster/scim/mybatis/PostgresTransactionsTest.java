package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link TransactionsTest}, on PostgreSQL. */
class PostgresTransactionsTest extends TransactionsTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
