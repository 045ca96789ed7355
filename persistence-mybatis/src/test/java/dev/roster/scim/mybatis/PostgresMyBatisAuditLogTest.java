package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

/** Every case of {@link MyBatisAuditLogTest}, on PostgreSQL. */
class PostgresMyBatisAuditLogTest extends MyBatisAuditLogTest {

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        return RosterDatabase.open(TestPostgres.newSchema(), inMemory);
    }
}
