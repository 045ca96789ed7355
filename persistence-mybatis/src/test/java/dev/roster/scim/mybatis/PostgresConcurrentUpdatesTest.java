package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** {@link ConcurrentUpdatesTest} on PostgreSQL, where the writers run side by side on a pool. */
class PostgresConcurrentUpdatesTest extends ConcurrentUpdatesTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
