package dev.roster.scim.mybatis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code schema_version} table of Roster's own migration runner (ADR 006, before Flyway), which SQLite files made
 * by Roster up to this change carry: one row per applied migration, 1 to 6, with the SHA-256 of the SQL file it ran
 * (or a named revision for the Java step 4). Such a file is adopted once: its rows are checked against the migrations
 * this code ships (same numbers in order, same checksums: the same schema), Flyway's history is baselined at the
 * newest, and the table is dropped, so that no older Roster mistakes the file for one it knows how to migrate.
 */
final class LegacySchemaVersions {

    static final String TABLE = "schema_version";
    static final String BASELINE_DESCRIPTION = "adopted from schema_version of the own runner (ADR 006)";

    /** What the old runner recorded for each version, in order: the file it hashed, or the Java step's revision. */
    private static final List<String> RECORDED = List.of(
            "V1__sites_users_emails_audit.sql",
            "V2__indexes_for_user_audit_and_delta_sync.sql",
            "V3__server_settings_and_audit_time_order.sql",
            "java:UserNameKeysMigration:1",
            "V5__admin_sessions_and_sign_in_failures.sql",
            "V6__pending_identities_and_site_creation_policy.sql");

    private LegacySchemaVersions() {
    }

    /**
     * The version the old runner brought the file to, if it has its table and no Flyway history yet; refuses rows
     * that this code cannot vouch for (a gap, an unknown version, a changed checksum).
     */
    static OptionalInt recordedVersion(Connection connection, String historyTable) throws SQLException {
        if (!exists(connection, TABLE) || exists(connection, historyTable)) {
            return OptionalInt.empty();
        }
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, checksum FROM " + TABLE
                     + " ORDER BY version")) {
            while (result.next()) {
                rows.add(new String[]{String.valueOf(result.getInt(1)), result.getString(2)});
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            int version = Integer.parseInt(rows.get(i)[0]);
            if (version > RECORDED.size()) {
                throw new RosterStorageException("The database has schema version " + version
                        + ", newer than this Roster knows (" + RECORDED.size() + "); upgrade Roster.");
            }
            if (version != i + 1) {
                throw new RosterStorageException("The database's schema_version table lacks version " + (i + 1)
                        + "; it was not made by Roster's migrations.");
            }
            if (!checksum(version).equals(rows.get(i)[1])) {
                throw new RosterStorageException("Migration " + version + " of this database differs from Roster's "
                        + "(its recorded checksum changed); restore the database from a backup made by Roster.");
            }
        }
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(rows.size());
    }

    static void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    /** What the old runner recorded for a version; the tests build old databases with the same values. */
    static String checksum(int version) {
        String recorded = RECORDED.get(version - 1);
        return recorded.startsWith("java:") ? recorded : sha256(sqlFile(recorded));
    }

    /** The SQL file of an old version, as the old runner read it. */
    static String sqlFile(String name) {
        try (InputStream in = LegacySchemaVersions.class.getResourceAsStream("migration/sqlite/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String recordedName(int version) {
        return RECORDED.get(version - 1);
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, table, new String[]{"TABLE"})) {
            return tables.next();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
