package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.util.Optional;

/**
 * What a host watches of the database's connection pool (HikariCP): on PostgreSQL the one pool every read and write
 * uses; on SQLite the readers', beside the one writer connection, which is not pooled. Each call reads the pool now.
 * Safe for concurrent use; the numbers of one moment may not add up, as each is read on its own.
 *
 * <pre>{@code
 * ConnectionPool pool = database.connectionPool();
 * metrics.gauge("db.pool.pending", pool::pending);
 * }</pre>
 */
public final class ConnectionPool {

    private final HikariDataSource pool;

    ConnectionPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * The pool's name.
     *
     * @return {@code roster-postgresql} or {@code roster-sqlite-readers}
     */
    public String name() {
        return pool.getPoolName();
    }

    /**
     * Connections lent out now.
     *
     * @return how many; 0 before the pool has started
     */
    public int active() {
        return bean().map(HikariPoolMXBean::getActiveConnections).orElse(0);
    }

    /**
     * Connections open and waiting to be lent.
     *
     * @return how many; 0 before the pool has started
     */
    public int idle() {
        return bean().map(HikariPoolMXBean::getIdleConnections).orElse(0);
    }

    /**
     * Threads waiting for a connection now: above 0 for long, the pool is too small for the load.
     *
     * @return how many; 0 before the pool has started
     */
    public int pending() {
        return bean().map(HikariPoolMXBean::getThreadsAwaitingConnection).orElse(0);
    }

    /**
     * The most connections the pool opens.
     *
     * @return the pool's maximum size: {@link PostgreSqlSettings#maximumPoolSize()} on PostgreSQL, 4 on SQLite
     */
    public int maximum() {
        return pool.getMaximumPoolSize();
    }

    private Optional<HikariPoolMXBean> bean() {
        return Optional.ofNullable(pool.getHikariPoolMXBean());
    }
}
