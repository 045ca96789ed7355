package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway on SQLite files: new ones, files that Roster's own runner (ADR 006) migrated — built here by
 * {@link OldSchemaRunner} exactly as that runner built them — and files Roster must not touch.
 */
class SchemaMigrationsTest {

    @TempDir
    Path directory;

    private final User ann = withEmails(user("u1", "Ann"), email("ann@x.org", "work", true));
    private final AuditRecord created = new AuditRecord(ACME, "u1", "Ann", ChangeSource.SCIM, "create",
            Optional.empty(), Optional.empty(), "created", T0);

    @Test
    void aNewFileGetsEveryMigrationInFlywaysHistory() throws SQLException {
        Path file = directory.resolve("roster.db");
        RosterDatabase.open(file).close();

        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(history(connection)).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 JDBC", "5 SQL", "6 SQL",
                    "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL", "14 SQL", "15 SQL");
            assertThat(tables(connection)).doesNotContain(LegacySchemaVersions.TABLE);
        }
    }

    @Test
    void aFileOfTodaysOwnRunnerIsAdoptedWithoutRunningItsMigrationsAgain() throws SQLException {
        Path file = directory.resolve("current.db");
        String schemaBefore;
        try (Connection old = OldSchemaRunner.migrateTo(file, 3)) {
            FoldingEraRows.insertSite(old, ACME);
            FoldingEraRows.insert(old, ACME, ann);
            FoldingEraRows.insert(old, created);
        }
        try (Connection old = OldSchemaRunner.migrateTo(file, 6)) {
            schemaBefore = schema(old);
        }

        try (RosterDatabase adopted = RosterDatabase.open(file)) {
            assertThat(adopted.userStore().findById(ACME, "u1")).contains(ann);
            assertThat(adopted.auditLog().recentForUser(ACME, "u1", 10)).containsExactly(created);
            assertThat(adopted.upgradeNotices()).isEmpty();
        }
        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(history(connection)).containsExactly("6 BASELINE", "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL", "14 SQL", "15 SQL");
            assertThat(tables(connection)).doesNotContain(LegacySchemaVersions.TABLE);
            assertThat(schema(connection)).isEqualTo(schemaOfANewFile());
        }
        assertThat(schemaBefore).isNotEmpty();
    }

    private String schemaOfANewFile() throws SQLException {
        Path fresh = directory.resolve("fresh.db");
        RosterDatabase.open(fresh).close();
        try (Connection connection = SqliteConnections.openWriter(fresh)) {
            return schema(connection);
        }
    }

    @Test
    void aFileOfMigrationOneIsUpgradedThroughTheRestWithItsRowsIntact() throws SQLException {
        Path file = directory.resolve("old.db");
        try (Connection old = OldSchemaRunner.migrateTo(file, 1)) {
            FoldingEraRows.insertSite(old, ACME);
            FoldingEraRows.insert(old, ACME, ann);
            FoldingEraRows.insert(old, ACME, user("u2", "Bob").withActive(false));
            FoldingEraRows.insert(old, created);
        }

        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            assertThat(upgraded.userStore().findById(ACME, "u1")).contains(ann);
            assertThat(upgraded.userStore().findByUserName(ACME, "ANN")).contains(ann);
            assertThat(upgraded.auditLog().recentForUser(ACME, "u1", 10)).containsExactly(created);
            assertThat(upgraded.siteStore().find(ACME)).contains(SiteSettings.newSite(ACME));
            assertThat(upgraded.userStore().search(ACME, UserQuery.all(1, 0)).totalResults())
                    .as("the counts of V7 start from the rows already there").isEqualTo(2);
            for (boolean active : new boolean[] {true, false}) {
                assertThat(upgraded.userStore().search(ACME, UserQuery.filtered(Filter.compare(AttrPath.of("active"),
                        CompareOp.EQ, CompValue.of(active)), 1, 0)).totalResults())
                        .as("V14 counts active eq %s from the counts and the rows already there", active).isEqualTo(1);
            }
        }
        try (Connection current = SqliteConnections.openWriter(file)) {
            assertThat(history(current)).containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 JDBC", "5 SQL", "6 SQL",
                    "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL", "14 SQL", "15 SQL");
            assertThat(indexes(current)).contains("audit_log_user_recent", "audit_log_recent", "users_last_modified",
                    "users_user_name", "users_pending", "users_active").doesNotContain("audit_log_user", "audit_log_site");
            assertThat(tables(current)).doesNotContain(LegacySchemaVersions.TABLE);
        }
    }

    @Test
    void aFileOfTheOldRunnerAtVersionFiveGetsOnlyTheMigrationsAfterFive() throws SQLException {
        Path file = directory.resolve("five.db");
        OldSchemaRunner.migrateTo(file, 5).close();

        RosterDatabase.open(file).close();

        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(history(connection)).containsExactly("5 BASELINE", "6 SQL",
                    "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL", "14 SQL", "15 SQL");
        }
    }

    @Test
    void aSitesOneTokenOfBeforeMovesToTheTokensTableNamedTokenAndStillOpensTheSite() throws SQLException {
        Path file = directory.resolve("token.db");
        try (Connection old = OldSchemaRunner.migrateTo(file, 6); Statement statement = old.createStatement()) {
            statement.execute("INSERT INTO sites (site, sso_configured, scim_enabled, manage_roles, token_hash, "
                    + "token_created_at) VALUES ('acme', 1, 1, 0, '" + TokenHash.of("old-secret").hex() + "', "
                    + T0.toEpochMilli() + "), ('globex', 1, 0, 0, NULL, NULL)");
        }

        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            assertThat(upgraded.siteStore().tokens(ACME)).singleElement().satisfies(token -> {
                assertThat(token.name()).isEqualTo("token");
                assertThat(token.hash().matches("old-secret")).isTrue();
                assertThat(token.createdAt()).isEqualTo(T0);
                assertThat(token.expiresAt()).isEmpty();
                assertThat(token.id()).matches("[0-9a-f]{16}");
            });
            assertThat(upgraded.siteStore().tokens(SiteId.of("globex"))).isEmpty();
            assertThat(upgraded.siteStore().find(ACME)).isPresent();
        }
        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(schema(connection)).doesNotContain("token_created_at");
        }
    }

    @Test
    void reopeningAMigratedFileAppliesNothingTwice() throws SQLException {
        Path file = directory.resolve("roster.db");
        try (RosterDatabase first = RosterDatabase.open(file)) {
            first.userStore().insert(ACME, user("u1", "ann"));
        }

        try (RosterDatabase second = RosterDatabase.open(file)) {
            assertThat(second.userStore().findById(ACME, "u1")).isPresent();
        }
        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(history(connection)).hasSize(15);
        }
    }

    @Test
    void aFileNewerThanTheCodeIsRefused() throws SQLException {
        Path file = directory.resolve("future.db");
        RosterDatabase.open(file).close();
        try (Connection connection = SqliteConnections.openWriter(file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO roster_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1, '99',"
                    + " 'from the"
                    + " future', 'SQL', 'V99__from_the_future.sql', 1, 'roster', CURRENT_TIMESTAMP, 1, 1 FROM roster_schema_history");
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("schema version 99, newer than this Roster knows (15)");
    }

    @Test
    void aFileOfTheOldRunnerNewerThanTheCodeIsRefused() throws SQLException {
        Path file = directory.resolve("future-old.db");
        try (Connection old = OldSchemaRunner.migrateTo(file, 6); Statement statement = old.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (7, 'from the future', 'x', 0)");
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("newer");
        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(tables(connection)).contains(LegacySchemaVersions.TABLE).doesNotContain("roster_schema_history");
        }
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsRefused() throws SQLException {
        Path file = directory.resolve("edited.db");
        RosterDatabase.open(file).close();
        try (Connection connection = SqliteConnections.openWriter(file);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE roster_schema_history SET checksum = 12345 WHERE version = '1'");
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFileOfTheOldRunnerWithAChangedChecksumIsRefused() throws SQLException {
        Path file = directory.resolve("edited-old.db");
        try (Connection old = OldSchemaRunner.migrateTo(file, 6); Statement statement = old.createStatement()) {
            statement.execute("UPDATE schema_version SET checksum = 'tampered' WHERE version = 2");
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("changed");
    }

    @Test
    void aSqliteFileOfAnotherApplicationIsNotTouched() throws SQLException {
        Path file = directory.resolve("other.db");
        try (Connection other = SqliteConnections.openWriter(file); Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        assertThatThrownBy(() -> RosterDatabase.open(file)).isInstanceOf(RosterStorageException.class);
        try (Connection connection = SqliteConnections.openWriter(file)) {
            assertThat(tables(connection)).containsExactly("invoices");
        }
        assertThat(Files.exists(file)).isTrue();
    }

    /** {@code version type} of each row of Flyway's history, in the order applied. */
    private static List<String> history(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, type FROM roster_schema_history"
                     + " WHERE success = 1 ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2));
            }
        }
        return rows;
    }

    /** Every table, index and its SQL, but the migration bookkeeping's. */
    /** Every table, index and its SQL, but the migration bookkeeping's. */
    private static String schema(Connection connection) throws SQLException {
        StringBuilder schema = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE tbl_name NOT IN"
                     + " ('schema_version', 'roster_schema_history')"
                     // the counts of V7, the one migration after the old runner's last
                     + " AND name NOT LIKE 'user\\_counts%' ESCAPE '\\' ORDER BY type, name")) {
            while (rows.next()) {
                schema.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(": ")
                        .append(rows.getString(3)).append('\n');
            }
        }
        return schema.toString();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return names(connection, "table");
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        return names(connection, "index");
    }

    private static List<String> names(Connection connection, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type
                     + "' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
