package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link StoredRenderingTest}, on PostgreSQL. */
class PostgresStoredRenderingTest extends StoredRenderingTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
