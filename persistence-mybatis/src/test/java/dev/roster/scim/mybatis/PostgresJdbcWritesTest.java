package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link JdbcWritesTest}, on PostgreSQL. */
class PostgresJdbcWritesTest extends JdbcWritesTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
