package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class SchemaMigrationsTest {

    @TempDir
    Path directory;

    @Test
    void databaseCreatedByMigrationOneIsUpgradedWithItsRowsIntact() throws SQLException {
        Path file = directory.resolve("old.db");
        User ann = withEmails(user("u1", "Ann"), email("ann@x.org", "work", true));
        AuditRecord created = new AuditRecord(ACME, "u1", "Ann", ChangeSource.SCIM, "create", Optional.empty(),
                Optional.empty(), "created", T0);
        try (Connection old = SqliteConnections.openWriter(file)) {
            new SchemaMigrations(SchemaMigrations.ALL).migrateTo(old, 1);
            assertThat(appliedVersions(old)).containsExactly(1);
            FoldingEraRows.insertSite(old, ACME);
            FoldingEraRows.insert(old, ACME, ann);
            FoldingEraRows.insert(old, created);
        }

        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            assertThat(upgraded.userStore().findById(ACME, "u1")).contains(ann);
            assertThat(upgraded.userStore().findByUserName(ACME, "ANN")).contains(ann);
            assertThat(upgraded.auditLog().recentForUser(ACME, "u1", 10)).containsExactly(created);
            assertThat(upgraded.siteStore().find(ACME)).contains(SiteSettings.newSite(ACME));
            assertThat(upgraded.upgradeNotices()).isEmpty();
        }
        try (Connection current = SqliteConnections.openWriter(file)) {
            assertThat(appliedVersions(current)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(indexes(current)).contains("audit_log_user_recent", "audit_log_recent", "users_last_modified",
                    "users_user_name").doesNotContain("audit_log_user", "audit_log_site");
        }
    }

    @Test
    void reopeningAMigratedDatabaseAppliesNothingTwice() {
        Path file = directory.resolve("roster.db");
        try (RosterDatabase first = RosterDatabase.open(file)) {
            first.userStore().insert(ACME, user("u1", "ann"));
        }

        try (RosterDatabase second = RosterDatabase.open(file)) {
            assertThat(second.userStore().findById(ACME, "u1")).isPresent();
        }
    }

    @Test
    void databaseNewerThanTheCodeIsRefused() throws SQLException {
        Path file = directory.resolve("future.db");
        try (Connection connection = SqliteConnections.openWriter(file)) {
            new SchemaMigrations(SchemaMigrations.ALL).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO schema_version VALUES (99, 'from the future', 'x', 0)");
            }
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void migrationEditedAfterItWasAppliedIsRefused() throws SQLException {
        Path file = directory.resolve("edited.db");
        try (Connection connection = SqliteConnections.openWriter(file)) {
            new SchemaMigrations(SchemaMigrations.ALL).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE schema_version SET checksum = 'tampered' WHERE version = 1");
            }
        }

        assertThatThrownBy(() -> RosterDatabase.open(file))
                .isInstanceOf(RosterStorageException.class)
                .hasMessageContaining("changed");
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsSkippingComments() {
        assertThat(SchemaMigrations.statements("-- a comment\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i\n  ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x TEXT)", "CREATE INDEX i\n  ON a (x)");
    }

    private static List<Integer> appliedVersions(Connection connection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
