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
import dev.roster.scim.mybatis.mapper.EmailRow;
import dev.roster.scim.mybatis.mapper.UserRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        try (Connection old = SqliteConnections.openWriter(file)) {
            new SchemaMigrations(SchemaMigrations.ALL).migrateTo(old, 1);
        }
        // Rows written by the code of that time: through the stores, on a database at version 1.
        User ann = withEmails(user("u1", "Ann"), email("ann@x.org", "work", true));
        AuditRecord created = new AuditRecord(ACME, "u1", "Ann", ChangeSource.SCIM, "create", Optional.empty(),
                Optional.empty(), "created", T0);
        try (Connection old = SqliteConnections.openWriter(file)) {
            assertThat(appliedVersions(old)).containsExactly(1);
        }
        writeThroughStoresWithoutMigrating(file, ann, created);

        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            assertThat(upgraded.userStore().findById(ACME, "u1")).contains(ann);
            assertThat(upgraded.userStore().findByUserName(ACME, "ANN")).contains(ann);
            assertThat(upgraded.auditLog().recentForUser(ACME, "u1", 10)).containsExactly(created);
            assertThat(upgraded.siteStore().find(ACME)).contains(SiteSettings.newSite(ACME));
        }
        try (Connection current = SqliteConnections.openWriter(file)) {
            assertThat(appliedVersions(current)).containsExactly(1, 2, 3, 6);
            assertThat(indexes(current)).contains("audit_log_user_recent", "audit_log_recent", "users_last_modified")
                    .doesNotContain("audit_log_user", "audit_log_site");
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

    /**
     * Rows as the code of version 1 wrote them, into the columns version 1 has: the row mapping of today's code,
     * minus what later migrations added (V6's {@code pending} and {@code creation_policy}).
     */
    private static void writeThroughStoresWithoutMigrating(Path file, User user, AuditRecord record) {
        UserRow row = UserRows.toRow(ACME, user);
        try (Connection writer = SqliteConnections.openWriter(file);
             Statement site = writer.createStatement();
             PreparedStatement users = writer.prepareStatement("INSERT INTO users (site, id, user_name, "
                     + "user_name_folded, external_id, display_name, display_name_folded, given_name, "
                     + "given_name_folded, family_name, family_name_folded, active, role, idp_active, last_changed_by, "
                     + "claimed_by_idp, hidden, version, created, last_modified, document) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement emails = writer.prepareStatement("INSERT INTO user_emails (site, user_id, position, "
                     + "value, value_folded, type, type_folded, is_primary, display) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement audit = writer.prepareStatement("INSERT INTO audit_log (site, user_id, user_name, "
                     + "source, action, before, after, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            site.execute("INSERT INTO sites VALUES ('acme', 0, 0, 0, NULL, NULL)");
            bind(users, row.site(), row.id(), row.userName(), row.userNameFolded(), row.externalId(),
                    row.displayName(), row.displayNameFolded(), row.givenName(), row.givenNameFolded(),
                    row.familyName(), row.familyNameFolded(), row.active() ? 1 : 0, row.role(),
                    row.idpActive() == null ? null : row.idpActive() ? 1 : 0, row.lastChangedBy(),
                    row.claimedByIdp() ? 1 : 0, row.hidden() ? 1 : 0, row.version(), row.created(),
                    row.lastModified(), row.document());
            for (EmailRow email : UserRows.emailRows(ACME, user)) {
                bind(emails, email.site(), email.userId(), email.position(), email.value(), email.valueFolded(),
                        email.type(), email.typeFolded(), email.primary() ? 1 : 0, email.display());
            }
            bind(audit, record.site().value(), record.userId(), record.userName(), record.source().label(),
                    record.action(), record.before().orElse(null), record.after().orElse(null), record.detail(),
                    record.at().toEpochMilli());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.executeUpdate();
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
