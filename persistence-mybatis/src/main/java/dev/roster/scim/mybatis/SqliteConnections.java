package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteJDBCLoader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections to one SQLite file. SQLite lets one connection write at a time, so Roster keeps exactly one
 * writer, whose transactions begin {@code IMMEDIATE} (they take the write lock up front instead of failing with
 * {@code SQLITE_BUSY} when a read turns into a write), and a small pool of query-only readers that WAL lets run
 * beside the writer. The busy timeout only matters when another process writes to the same file. The writer syncs at
 * every commit ({@code synchronous=FULL}); readers, which never write, keep SQLite's WAL default. Each reader keeps
 * its prepared statements ({@link StatementCache}), as MyBatis prepares anew in every session; so does the writer,
 * once {@code RosterDatabase} wraps it ({@link StatementCache#keeping}, ADR 047).
 */
final class SqliteConnections {

    static final int BUSY_TIMEOUT_MILLIS = 30_000;
    static final int READERS = 4;

    /**
     * Page cache per connection, in KiB (SQLite reads a negative cache_size as KiB). SQLite's default of 2 MiB
     * makes inserts with random UUID keys slow down as the users table outgrows it, so the writer gets 16 MiB: the
     * 64 MiB it had filled under PATCHes of random users and was most of the process's memory outside the JVM,
     * for no measurable gain in writes (ADR 044). Readers keep SQLite's 2 MiB (ADR 035): the file's pages are in
     * the OS page cache anyway, so a reader's miss costs one {@code pread}, about half a microsecond per random
     * lookup at a million users against a request's milliseconds, while 16 MiB a reader grew the process by up to
     * 56 MiB; and a reader's cache is emptied at each of the writer's commits (WAL) whenever writes run beside
     * reads.
     */
    static final int WRITER_CACHE_KIB = 16 * 1024;
    static final int READER_CACHE_KIB = 2 * 1024;

    private SqliteConnections() {
    }

    /**
     * Loads the driver's native library (which sqlite-jdbc extracts from its jar to a temporary file, copies back
     * to compare, and loads) and the classes a connection's configuration builds (its date formats), so that the
     * first {@link #openWriter}, {@link #migrations} or {@link #openReaders} finds them ready. A failure is left for
     * the first connection to report, as it would have without this.
     */
    static void preload() {
        try {
            SQLiteJDBCLoader.initialize();
            common();
            new HikariConfig();
        } catch (Exception | LinkageError e) {
            // The first connection tries again and reports it.
        }
    }

    static Connection openWriter(Path file) throws SQLException {
        SQLiteConfig config = common();
        // FULL: each commit syncs the WAL before it returns, so an acknowledged write survives a power cut, not only
        // a crash of the process (NORMAL's promise in WAL mode). Group commit pays that sync once per group (ADR 027).
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setCacheSize(-WRITER_CACHE_KIB);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url(file));
    }

    /** For Flyway, which opens and closes its own connections while it migrates, before the writer opens. */
    static SQLiteDataSource migrations(Path file) {
        SQLiteConfig config = common();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url(file));
        return sqlite;
    }

    static HikariDataSource openReaders(Path file) {
        SQLiteConfig config = common();
        config.setCacheSize(-READER_CACHE_KIB);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url(file));
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("roster-sqlite-readers");
        pool.setDataSource(StatementCache.caching(sqlite));
        pool.setMaximumPoolSize(READERS);
        pool.setMinimumIdle(1);
        pool.setConnectionInitSql("PRAGMA query_only = ON");
        return new HikariDataSource(pool);
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
