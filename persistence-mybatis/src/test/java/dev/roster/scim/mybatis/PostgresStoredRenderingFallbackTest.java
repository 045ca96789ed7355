package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.testing.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every case of {@link StoredRenderingFallbackTest}, on PostgreSQL: a page whose rows lack a current rendering is
 * not served from the one statement of ADR 046 but read again in a read transaction, so its fallback and its total
 * see one snapshot.
 */
class PostgresStoredRenderingFallbackTest extends StoredRenderingFallbackTest {

    private PostgreSqlSettings settings;

    @Override
    RosterDatabase open(InMemoryFiltering inMemory) {
        settings = TestPostgres.newSchema();
        return RosterDatabase.open(settings, inMemory);
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
