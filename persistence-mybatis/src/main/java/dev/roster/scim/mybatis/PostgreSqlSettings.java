package dev.roster.scim.mybatis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a PostgreSQL database and how many connections to hold to it.
 *
 * <pre>{@code
 * RosterDatabase.open(PostgreSqlSettings.of("jdbc:postgresql://db.internal:5432/app?currentSchema=roster")
 *         .withCredentials(Optional.of("roster"), Optional.of(password))
 *         .withMaximumPoolSize(20));
 * }</pre>
 *
 * @param jdbcUrl          a {@code jdbc:postgresql://host:port/database} URL; anything pgjdbc reads from its query
 *                         ({@code user}, {@code password}, {@code sslmode}, {@code currentSchema}…) applies
 * @param user             the user, when not in the URL
 * @param password         the password, when not in the URL; never logged
 * @param maximumPoolSize  connections per process (HikariCP's {@code maximumPoolSize}, also its minimum idle): the
 *                         most requests of this process that touch the database at once
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for every statement of Roster's connections
 *
 * <p>Immutable; {@link #toString()} leaves out the password and the URL's query.
 */
public record PostgreSqlSettings(String jdbcUrl, Optional<String> user, Optional<String> password,
                                 int maximumPoolSize, Duration statementTimeout) {

    /** The connections per process unless told otherwise. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** The statement timeout unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the settings.
     *
     * @param jdbcUrl          a {@code jdbc:postgresql://host:port/database} URL; anything pgjdbc reads from its query
     *                         ({@code user}, {@code password}, {@code sslmode}, {@code currentSchema}…) applies
     * @param user             the user, when not in the URL
     * @param password         the password, when not in the URL; never logged
     * @param maximumPoolSize  connections per process (HikariCP's {@code maximumPoolSize}, also its minimum idle): the
     *                         most requests of this process that touch the database at once
     * @param statementTimeout PostgreSQL's {@code statement_timeout} for every statement of Roster's connections
     * @throws NullPointerException     for a null component
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:postgresql:}, a pool of no connection, or a
     *                                  statement timeout that is not positive
     */
    public PostgreSqlSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (!isPostgreSqlUrl(jdbcUrl)) {
            throw new IllegalArgumentException("expected a jdbc:postgresql://host:port/database URL");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("the statement timeout must be positive");
        }
    }

    /**
     * The URL with the defaults: credentials from the URL only, {@value #DEFAULT_POOL_SIZE} connections, 30 s.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL
     * @return the settings
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:postgresql:}
     */
    public static PostgreSqlSettings of(String jdbcUrl) {
        return new PostgreSqlSettings(jdbcUrl, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE,
                DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * Whether the text is a PostgreSQL JDBC URL (and not, say, a file name).
     *
     * @param text a database option as an operator wrote it
     * @return {@code true} if it starts with {@code jdbc:postgresql:}
     */
    public static boolean isPostgreSqlUrl(String text) {
        return text.startsWith("jdbc:postgresql:");
    }

    /**
     * A copy with other credentials.
     *
     * @param newUser     the user, or empty to take it from the URL
     * @param newPassword the password, or empty to take it from the URL
     * @return the copy
     */
    public PostgreSqlSettings withCredentials(Optional<String> newUser, Optional<String> newPassword) {
        return new PostgreSqlSettings(jdbcUrl, newUser, newPassword, maximumPoolSize, statementTimeout);
    }

    /**
     * A copy with another pool size.
     *
     * @param size the connections per process, at least 1
     * @return the copy
     * @throws IllegalArgumentException for a size below 1
     */
    public PostgreSqlSettings withMaximumPoolSize(int size) {
        return new PostgreSqlSettings(jdbcUrl, user, password, size, statementTimeout);
    }

    /**
     * A copy with another statement timeout.
     *
     * @param timeout the timeout, positive
     * @return the copy
     * @throws IllegalArgumentException for a timeout that is not positive
     */
    public PostgreSqlSettings withStatementTimeout(Duration timeout) {
        return new PostgreSqlSettings(jdbcUrl, user, password, maximumPoolSize, timeout);
    }

    /**
     * The URL without its query, where pgjdbc's credentials may be: what is safe to print.
     *
     * @return the URL up to its {@code ?}, then {@code ?…} if it had a query
     */
    public String redactedUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "PostgreSqlSettings[" + redactedUrl() + ", user=" + user.orElse("(from the URL)") + ", pool="
                + maximumPoolSize + ", statementTimeout=" + statementTimeout + "]";
    }
}
