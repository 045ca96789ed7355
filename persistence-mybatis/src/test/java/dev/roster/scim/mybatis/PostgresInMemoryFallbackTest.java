package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link InMemoryFallbackTest}, on PostgreSQL. */
class PostgresInMemoryFallbackTest extends InMemoryFallbackTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
