package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Flyway on PostgreSQL: an empty schema, a schema shared with the embedder's tables, a newer schema. */
class PostgresMigrationsTest {

    @Test
    void anEmptySchemaGetsMigrationOne() throws SQLException {
        PostgreSqlSettings settings = TestPostgres.newSchema();
        RosterDatabase.open(settings).close();

        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
            assertThat(history(connection)).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL");
        }
    }

    @Test
    void aSchemaHoldingTheEmbeddersTablesGetsRostersBesideThemUntouched() throws SQLException {
        PostgreSqlSettings settings = TestPostgres.newSchema();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC NOT NULL)");
            statement.execute("INSERT INTO invoices VALUES (1, 99.5)");
        }

        try (RosterDatabase database = RosterDatabase.open(settings)) {
            database.userStore().insert(ACME, user("u1", "ann"));
        }

        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet invoices = statement.executeQuery("SELECT total FROM invoices WHERE id = 1")) {
            assertThat(invoices.next()).isTrue();
            assertThat(invoices.getBigDecimal(1)).isEqualByComparingTo("99.5");
            assertThat(history(connection)).containsExactly("0 BASELINE", "1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL");
        }
    }

    @Test
    void serversStartingAtOnceOnANewSchemaMigrateItOnce() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                PostgreSqlSettings settings = TestPostgres.newSchema();
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<RosterDatabase>> opened = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opened.add(starts.submit(() -> {
                        together.await();
                        return RosterDatabase.open(settings);
                    }));
                }
                for (Future<RosterDatabase> database : opened) {
                    database.get(2, TimeUnit.MINUTES).close();
                }
                try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
                    assertThat(history(connection)).as("round %d", round).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL");
                }
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefused() throws SQLException {
        PostgreSqlSettings settings = TestPostgres.newSchema();
        RosterDatabase.open(settings).close();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO roster_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1, '99',"
                    + " 'from the"
                    + " future', 'SQL', 'V99__from_the_future.sql', 1, 'roster', now(), 1, true FROM roster_schema_history");
        }

        assertThatThrownBy(() -> RosterDatabase.open(settings))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("schema version 99, newer than this Roster knows (11)");
    }

    @Test
    void everyConnectionHasTheStatementAndIdleTransactionTimeouts() throws Exception {
        PostgreSqlSettings settings = TestPostgres.newSchema().withStatementTimeout(Duration.ofMillis(700));
        try (var pool = PostgreSqlConnections.openPool(settings); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "statement_timeout")).isEqualTo("700ms");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("1min");
            assertThat(show(statement, "application_name")).isEqualTo("roster");

            SQLException cancelled = assertThrows(SQLException.class,
                    () -> statement.execute("SELECT pg_sleep(5)"));
            assertThat(cancelled.getSQLState()).isEqualTo("57014");
            assertThat(StorageFailures.translate(cancelled)).hasMessageContaining("statement timeout");
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    private static List<String> history(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, type FROM roster_schema_history"
                     + " WHERE success ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2));
            }
        }
        return rows;
    }
}
