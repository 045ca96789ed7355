package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link MyBatisUserStoreTest}, on PostgreSQL. */
class PostgresMyBatisUserStoreTest extends MyBatisUserStoreTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
