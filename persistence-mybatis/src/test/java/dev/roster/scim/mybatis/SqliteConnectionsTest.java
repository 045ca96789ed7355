package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The page caches SQLite allocates per connection are most of the process's memory outside the JVM (ADR 035,
 * ADR 044): what each connection really runs with, read back from SQLite on a real file.
 */
class SqliteConnectionsTest {

    /** SQLite reads a negative {@code cache_size} as KiB. */
    private static final int WRITER_KIB = 16 * 1024;
    private static final int READER_KIB = 2 * 1024;

    @TempDir
    Path directory;

    @Test
    void theWriterCachesSixteenMebibytesOfPages() throws SQLException {
        try (Connection writer = SqliteConnections.openWriter(directory.resolve("roster.db"))) {
            assertThat(cacheSize(writer)).isEqualTo(-WRITER_KIB);
        }
    }

    @Test
    void everyReaderCachesSqlitesDefaultTwoMebibytes() throws SQLException {
        Path file = directory.resolve("roster.db");
        try (Connection writer = SqliteConnections.openWriter(file);
             HikariDataSource readers = SqliteConnections.openReaders(file)) {
            Connection[] lent = new Connection[SqliteConnections.READERS];
            try {
                for (int i = 0; i < lent.length; i++) {
                    lent[i] = readers.getConnection();
                    assertThat(cacheSize(lent[i])).as("reader %d", i).isEqualTo(-READER_KIB);
                }
            } finally {
                for (Connection reader : lent) {
                    if (reader != null) {
                        reader.close();
                    }
                }
            }
            assertThat(cacheSize(writer)).as("the writer beside them").isEqualTo(-WRITER_KIB);
        }
    }

    private static int cacheSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet pragma = statement.executeQuery("PRAGMA cache_size")) {
            assertThat(pragma.next()).isTrue();
            return pragma.getInt(1);
        }
    }
}
