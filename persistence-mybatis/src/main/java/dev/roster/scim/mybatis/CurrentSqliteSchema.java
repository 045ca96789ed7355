package dev.roster.scim.mybatis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a SQLite file's Flyway history already holds every migration this code ships, each as this code has it,
 * read in one query: a start on such a file needs none of Flyway (ADR 036). It holds them when every row succeeded,
 * the versions run without a gap from 1 (or from the baseline of an adopted file) to {@link #NEWEST_VERSION}, and
 * each checksum is the one Flyway computes for this code's migration. Anything else (no history, a pending, failed,
 * unknown or edited migration) is for Flyway to apply or refuse, as before.
 */
final class CurrentSqliteSchema {

    /** The newest migration of {@code migration/sqlite}; {@code SchemaMigrationsTest} holds it to Flyway's. */
    static final int NEWEST_VERSION = 15;

    private static final String LOCATION = "dev/roster/scim/mybatis/migration/sqlite/";
    private static final Pattern SCRIPT = Pattern.compile("V\\d+__\\w+\\.sql");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CurrentSqliteSchema() {
    }

    /**
     * @param javaChecksums the checksum of each Java migration, by the class name Flyway records as its script
     */
    static boolean holdsEveryMigration(DataSource dataSource, Map<String, Integer> javaChecksums) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, type, script, checksum, success FROM "
                     + SchemaMigrations.HISTORY_TABLE + " ORDER BY installed_rank")) {
            int next = 1;
            boolean first = true;
            while (rows.next()) {
                Optional<Integer> version = version(rows.getString(1));
                String type = rows.getString(2);
                String script = rows.getString(3);
                int stored = rows.getInt(4);
                Integer checksum = rows.wasNull() ? null : stored;
                if (version.isEmpty() || !rows.getBoolean(5)) {
                    return false;
                }
                if ("BASELINE".equals(type) && first) {
                    next = version.get() + 1;
                } else if (version.get() != next || !sameChecksum(type, script, checksum, javaChecksums)) {
                    return false;
                } else {
                    next++;
                }
                first = false;
            }
            return next == NEWEST_VERSION + 1;
        } catch (SQLException e) {
            // No history table (a new file, one of the old runner, another application's): Flyway's to judge.
            return false;
        }
    }

    private static Optional<Integer> version(String text) {
        if (text == null || !text.chars().allMatch(Character::isDigit) || text.isEmpty() || text.length() > 9) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    private static boolean sameChecksum(String type, String script, Integer recorded,
                                        Map<String, Integer> javaChecksums) {
        if ("JDBC".equals(type)) {
            return javaChecksums.containsKey(script) && Objects.equals(javaChecksums.get(script), recorded);
        }
        if (!"SQL".equals(type) || script == null || !SCRIPT.matcher(script).matches() || recorded == null) {
            return false;
        }
        return checksum(script).filter(recorded::equals).isPresent();
    }

    /**
     * Flyway's checksum of a SQL migration (its {@code ChecksumCalculator}): a CRC-32 of the file's lines, each
     * without its line break and a leading byte order mark, in UTF-8.
     */
    static Optional<Integer> checksum(String script) {
        InputStream stream = CurrentSqliteSchema.class.getClassLoader().getResourceAsStream(LOCATION + script);
        if (stream == null) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
                crc.update(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of((int) crc.getValue());
    }
}
