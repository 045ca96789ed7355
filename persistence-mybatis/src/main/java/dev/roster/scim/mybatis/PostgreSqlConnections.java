package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The HikariCP pool to a PostgreSQL database. Every connection serves reads and writes alike (PostgreSQL lets writers
 * run side by side; rows are locked by the database, versions checked by the statements). Settings, and why:
 * <ul>
 *   <li>{@code maximumPoolSize} = {@code minimumIdle} ({@link PostgreSqlSettings#maximumPoolSize()}): a fixed pool, as
 *       HikariCP recommends; size it with docs/deployment.md.</li>
 *   <li>{@code connectionTimeout} {@value #CONNECTION_TIMEOUT_MILLIS} ms: a request waits that long for a free
 *       connection, then fails as a storage failure (a 500 with a correlation id) instead of queueing without
 *       end.</li>
 *   <li>{@code maxLifetime} 30 min, {@code keepaliveTime} 2 min: connections are renewed before a load balancer or
 *       PostgreSQL's own idle limits cut them.</li>
 *   <li>{@code statement_timeout} ({@link PostgreSqlSettings#statementTimeout()}) and
 *       {@code idle_in_transaction_session_timeout} {@value #IDLE_IN_TRANSACTION_MILLIS} ms, set on each new
 *       connection: no statement and no forgotten transaction holds locks for longer.</li>
 *   <li>{@code ApplicationName=roster} (shown in {@code pg_stat_activity}), {@code reWriteBatchedInserts} (a batch of
 *       inserts becomes multi-row inserts).</li>
 * </ul>
 */
final class PostgreSqlConnections {

    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;
    static final long IDLE_IN_TRANSACTION_MILLIS = 60_000;
    /** Transactions aborted to stay serializable run again up to this often (see {@link Sessions}). */
    static final int SERIALIZATION_RETRIES = 10;

    private PostgreSqlConnections() {
    }

    /** One connection outside the pool, for what must not take one of the pool's (the migration lock). */
    static Connection openSingle(PostgreSqlSettings settings) {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "roster");
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new RosterStorageException("Cannot connect to the PostgreSQL database " + settings.redactedUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    static HikariDataSource openPool(PostgreSqlSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("roster-postgresql");
        pool.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(pool::setUsername);
        settings.password().ifPresent(pool::setPassword);
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setMinimumIdle(settings.maximumPoolSize());
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        pool.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        pool.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        pool.setConnectionInitSql("SET statement_timeout = " + settings.statementTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION_MILLIS);
        pool.addDataSourceProperty("ApplicationName", "roster");
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Fail at open, with the driver's reason, rather than at the first request.
        pool.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(pool);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new RosterStorageException("Cannot connect to the PostgreSQL database " + settings.redactedUrl()
                    + ": " + reason.getMessage(), e);
        }
    }
}
