package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link FilterPushDownTest}, answered by PostgreSQL's SQL alone. */
class PostgresFilterPushDownTest extends FilterPushDownTest {

    @Override
    RosterDatabase open() {
        return RosterDatabase.open(TestPostgres.newSchema(), InMemoryFiltering.CORE);
    }
}
