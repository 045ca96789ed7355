package dev.roster.scim.mybatis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a database to the newest schema at start-up: applies the numbered SQL files and Java steps
 * ({@link JavaMigration}) not yet recorded in
 * {@code schema_version}, each in its own transaction together with its record, and refuses to start on a file
 * whose recorded checksum changed or on a database newer than this code. Why not Flyway: docs/adr/001.
 */
final class SchemaMigrations {

    /** In order; a new migration is a new file and a new line here, never an edit of an applied one. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "V1__sites_users_emails_audit.sql"),
            new Migration(2, "V2__indexes_for_user_audit_and_delta_sync.sql"),
            new Migration(3, "V3__server_settings_and_audit_time_order.sql"),
            Migration.java(4, "V4__user_name_keys_of_the_identifier_profile", new UserNameKeysMigration()),
            new Migration(5, "V5__admin_sessions_and_sign_in_failures.sql"),
            new Migration(6, "V6__pending_identities_and_site_creation_policy.sql"));

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** Applies every pending migration; returns what they ask to tell the operator. */
    List<String> migrate(Connection connection) {
        return migrateTo(connection, migrations.get(migrations.size() - 1).version());
    }

    /** Applies pending migrations up to and including {@code target}; the tests build old databases with it. */
    List<String> migrateTo(Connection connection, int target) {
        List<String> notices = new ArrayList<>();
        try {
            createVersionTable(connection);
            Map<Integer, String> applied = applied(connection);
            int newestKnown = migrations.get(migrations.size() - 1).version();
            applied.keySet().stream().filter(version -> version > newestKnown).findFirst().ifPresent(version -> {
                throw new RosterStorageException("The database has schema version " + version
                        + ", newer than this Roster knows (" + newestKnown + "); upgrade Roster.");
            });
            for (Migration migration : migrations) {
                String sql = migration.java().isPresent() ? "" : read(migration);
                String checksum = migration.java().map(JavaMigration::checksum).orElseGet(() -> checksum(sql));
                String recorded = applied.get(migration.version());
                if (recorded != null) {
                    if (!recorded.equals(checksum)) {
                        throw new RosterStorageException("Migration " + migration.resource()
                                + " changed after it was applied; restore it and add a new migration instead.");
                    }
                } else if (migration.version() <= target) {
                    notices.addAll(apply(connection, migration, sql, checksum));
                }
            }
        } catch (SQLException e) {
            throw new RosterStorageException("Migrating the database schema failed.", e);
        }
        return notices;
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT");
        }
    }

    private static Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static List<String> apply(Connection connection, Migration migration, String sql, String checksum)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            for (String each : statements(sql)) {
                statement.execute(each);
            }
            List<String> notices = migration.java().isPresent()
                    ? migration.java().get().migrate(connection)
                    : List.of();
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setString(3, checksum);
            record.setLong(4, System.currentTimeMillis());
            record.executeUpdate();
            connection.commit();
            return notices;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Splits a file into statements at semicolons that end a line; our migrations hold no triggers. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(Migration migration) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("migration/" + migration.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + migration.resource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
