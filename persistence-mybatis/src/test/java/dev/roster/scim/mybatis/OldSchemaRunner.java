package dev.roster.scim.mybatis;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a SQLite file exactly as Roster's own migration runner did before Flyway (ADR 006): the same statements
 * of the same files (Java step 4 included), each version recorded in {@code schema_version} with the checksum that
 * runner computed. The tests use it to prove that such files upgrade in place.
 */
final class OldSchemaRunner {

    private OldSchemaRunner() {
    }

    /**
     * Applies the versions up to {@code version} that the file does not have yet, as that runner did; returns the
     * open connection, for rows of that era.
     */
    static Connection migrateTo(Path file, int version) throws SQLException {
        Connection connection = SqliteConnections.openWriter(file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT");
        }
        int applied;
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            applied = max.getInt(1);
        }
        for (int each = applied + 1; each <= version; each++) {
            apply(connection, each);
        }
        return connection;
    }

    private static void apply(Connection connection, int version) throws SQLException {
        connection.setAutoCommit(false);
        String name = LegacySchemaVersions.recordedName(version);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            if (name.startsWith("java:")) {
                UserNameKeysMigration.rekey(connection);
            } else {
                for (String each : statements(LegacySchemaVersions.sqlFile(name))) {
                    statement.execute(each);
                }
            }
            record.setInt(1, version);
            record.setString(2, description(version, name));
            record.setString(3, LegacySchemaVersions.checksum(version));
            record.setLong(4, System.currentTimeMillis());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String description(int version, String name) {
        if (version == 4) {
            return "user name keys of the identifier profile";
        }
        return name.substring(name.indexOf("__") + 2, name.lastIndexOf('.')).replace('_', ' ');
    }

    /** That runner's splitting: at semicolons that end a line, skipping comment lines. */
    private static List<String> statements(String sql) {
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
        return statements;
    }
}
