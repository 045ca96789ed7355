package dev.roster.scim.server;

import dev.roster.scim.mybatis.PostgreSqlSettings;
import dev.roster.scim.mybatis.RosterDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server keeps its data: a SQLite file (the default, one server) or a PostgreSQL database (any number of
 * servers). Read from {@code --db} or {@code ROSTER_DB}; PostgreSQL credentials come from the URL's query (as pgjdbc
 * reads it) or from {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}, never from an option of their own.
 */
public sealed interface DatabaseLocation {

    String VARIABLE = "ROSTER_DB";
    String USER_VARIABLE = "ROSTER_DB_USER";
    String PASSWORD_VARIABLE = "ROSTER_DB_PASSWORD";
    /** Connections per server (HikariCP's pool size); default {@value PostgreSqlSettings#DEFAULT_POOL_SIZE}. */
    String POOL_SIZE_VARIABLE = "ROSTER_DB_POOL_SIZE";
    /** PostgreSQL's {@code statement_timeout} in seconds; default 30. */
    String STATEMENT_TIMEOUT_VARIABLE = "ROSTER_DB_STATEMENT_TIMEOUT";

    /** Opens it, creating and migrating what is missing. */
    RosterDatabase open();

    /** Whether the data is already there: a file that exists; always true for a server database. */
    boolean exists();

    /**
     * Undoes what a start that failed made, where that is ours to undo: a SQLite file it created, and SQLite's files
     * beside it. On PostgreSQL nothing: the database is the DBA's, and another server may use it already.
     */
    void removeCreatedByThisStart();

    /** What the banner and the logs may show: never a password. */
    String description();

    static DatabaseLocation sqlite(Path file) {
        return new SqliteFile(file);
    }

    /**
     * {@code --db}'s text (or {@code ROSTER_DB}'s): a {@code jdbc:postgresql:} URL, with credentials from the
     * environment where the URL has none, or else a file path.
     */
    static DatabaseLocation parse(String text, Map<String, String> environment) {
        String value = text.strip();
        if (PostgreSqlSettings.isPostgreSqlUrl(value)) {
            PostgreSqlSettings settings = PostgreSqlSettings.of(value).withCredentials(
                    nonBlank(environment.get(USER_VARIABLE)), nonBlank(environment.get(PASSWORD_VARIABLE)));
            Optional<Integer> poolSize = positive(environment, POOL_SIZE_VARIABLE);
            Optional<Integer> timeout = positive(environment, STATEMENT_TIMEOUT_VARIABLE);
            return new PostgreSql(settings.withMaximumPoolSize(poolSize.orElse(settings.maximumPoolSize()))
                    .withStatementTimeout(timeout.map(Duration::ofSeconds).orElse(settings.statementTimeout())));
        }
        if (value.startsWith("jdbc:") || value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            throw new IllegalArgumentException("expected a SQLite file or a jdbc:postgresql://host:port/database URL,"
                    + " not '" + redacted(value) + "'");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("expected a SQLite file or a jdbc:postgresql://host:port/database URL");
        }
        try {
            return new SqliteFile(Path.of(value));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: " + e.getMessage(), e);
        }
    }

    private static Optional<Integer> positive(Map<String, String> environment, String variable) {
        Optional<String> text = nonBlank(environment.get(variable)).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value > 0) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(variable + " must be a positive whole number, not '" + text.get() + "'");
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static String redacted(String text) {
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?…";
    }

    /** A SQLite file, created when missing (readable by its owner only). */
    record SqliteFile(Path file) implements DatabaseLocation {

        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public RosterDatabase open() {
            return RosterDatabase.open(file);
        }

        @Override
        public boolean exists() {
            return Files.exists(file);
        }

        @Override
        public void removeCreatedByThisStart() {
            for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    System.getLogger(DatabaseLocation.class.getName()).log(System.Logger.Level.WARNING,
                            "Could not remove {0}{1} after the failed start: {2}", file, suffix, e.getMessage());
                }
            }
        }

        @Override
        public String description() {
            return "SQLite " + file;
        }
    }

    /** A PostgreSQL database shared with other servers. */
    record PostgreSql(PostgreSqlSettings settings) implements DatabaseLocation {

        public PostgreSql {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public RosterDatabase open() {
            return RosterDatabase.open(settings);
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public void removeCreatedByThisStart() {
            // Nothing: see the interface.
        }

        @Override
        public String description() {
            return "PostgreSQL " + settings.redactedUrl();
        }
    }
}
