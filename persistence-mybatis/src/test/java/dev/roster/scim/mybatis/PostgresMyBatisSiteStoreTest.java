package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link MyBatisSiteStoreTest}, on PostgreSQL. */
class PostgresMyBatisSiteStoreTest extends MyBatisSiteStoreTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
