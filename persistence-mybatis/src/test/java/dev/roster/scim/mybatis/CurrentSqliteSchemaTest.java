package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one query that lets a start on a current SQLite file skip Flyway (ADR 036): it says "current" only for a
 * history Flyway itself would find nothing to do in, and every other file still goes through Flyway.
 */
class CurrentSqliteSchemaTest {

    private static final Map<String, Integer> JAVA = Map.of(UserNameKeysMigration.class.getName(),
            new UserNameKeysMigration().getChecksum());

    @TempDir
    Path directory;

    @Test
    void theNewestVersionIsTheNewestMigrationFlywayApplies() throws SQLException {
        Path file = migrated();

        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(query(connection, "SELECT MAX(CAST(version AS INTEGER)) FROM roster_schema_history"))
                    .containsExactly(String.valueOf(CurrentSqliteSchema.NEWEST_VERSION));
        }
    }

    @Test
    void itsChecksumOfEverySqlMigrationIsTheOneFlywayRecorded() throws SQLException {
        Path file = migrated();

        try (Connection connection = SqliteConnections.openWriter(file)) {
            List<String> scripts = query(connection, "SELECT script FROM roster_schema_history WHERE type = 'SQL'");
            assertThat(scripts).hasSize(CurrentSqliteSchema.NEWEST_VERSION - 1);
            for (String script : scripts) {
                assertThat(CurrentSqliteSchema.checksum(script)).hasValue(Integer.valueOf(query(connection,
                        "SELECT checksum FROM roster_schema_history WHERE script = '" + script + "'").get(0)));
            }
        }
    }

    @Test
    void aFileFlywayMigratedHoldsEveryMigration() {
        Path file = migrated();

        assertThat(CurrentSqliteSchema.holdsEveryMigration(SqliteConnections.migrations(file), JAVA)).isTrue();
    }

    @Test
    void aFileWithoutHistoryAPendingAFailedAnUnknownOrAnEditedMigrationIsLeftToFlyway() throws SQLException {
        assertThat(holds(directory.resolve("new.db"), "SELECT 1")).isFalse();
        assertThat(holds(migrated("pending.db"), "DELETE FROM roster_schema_history WHERE version = '15'"))
                .isFalse();
        assertThat(holds(migrated("gap.db"), "DELETE FROM roster_schema_history WHERE version = '9'")).isFalse();
        assertThat(holds(migrated("failed.db"), "UPDATE roster_schema_history SET success = 0 WHERE version = '15'"))
                .isFalse();
        assertThat(holds(migrated("edited.db"), "UPDATE roster_schema_history SET checksum = 12345 WHERE version = '3'"))
                .isFalse();
        assertThat(holds(migrated("java.db"), "UPDATE roster_schema_history SET checksum = 2 WHERE version = '4'"))
                .isFalse();
        assertThat(holds(migrated("future.db"), "INSERT INTO roster_schema_history (installed_rank, version, "
                + "description, type, script, checksum, installed_by, installed_on, execution_time, success) SELECT "
                + "MAX(installed_rank) + 1, '16', 'future', 'SQL', 'V16__future.sql', 1, 'roster', "
                + "CURRENT_TIMESTAMP, 1, 1 FROM roster_schema_history")).isFalse();
    }

    @Test
    void aPendingMigrationOfAnOtherwiseCurrentFileIsStillApplied() throws SQLException {
        Path file = migrated();
        try (Connection connection = SqliteConnections.openWriter(file);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE scim_exchanges DROP COLUMN request_id");
            statement.execute("DELETE FROM roster_schema_history WHERE version = '15'");
        }

        try (RosterDatabase database = RosterDatabase.open(file)) {
            database.userStore().insert(ACME, user("u1", "ann"));
        }

        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(query(connection, "SELECT name FROM pragma_table_info('scim_exchanges')"))
                    .contains("request_id");
            assertThat(CurrentSqliteSchema.holdsEveryMigration(SqliteConnections.migrations(file), JAVA)).isTrue();
        }
    }

    private Path migrated() {
        return migrated("roster.db");
    }

    private Path migrated(String name) {
        Path file = directory.resolve(name);
        RosterDatabase.open(file).close();
        return file;
    }

    private static boolean holds(Path file, String change) throws SQLException {
        try (Connection connection = SqliteConnections.openWriter(file);
             Statement statement = connection.createStatement()) {
            statement.execute(change);
        }
        return CurrentSqliteSchema.holdsEveryMigration(SqliteConnections.migrations(file), JAVA);
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
