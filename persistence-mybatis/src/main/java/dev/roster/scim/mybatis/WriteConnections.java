package dev.roster.scim.mybatis;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/** Where a write transaction gets its connection, and gives it back. */
interface WriteConnections {

    Connection acquire() throws SQLException;

    void release(Connection connection) throws SQLException;

    /**
     * SQLite's one writer (ADR 008), taken under a fair lock: writers queue in Java, never in SQLite's busy handler.
     */
    static WriteConnections single(Connection writer) {
        ReentrantLock lock = new ReentrantLock(true);
        return new WriteConnections() {
            @Override
            public Connection acquire() {
                lock.lock();
                return writer;
            }

            @Override
            public void release(Connection connection) {
                lock.unlock();
            }
        };
    }

    /** Any connection of a pool (PostgreSQL): writers run side by side, their rows locked by the database. */
    static WriteConnections pooled(DataSource pool) {
        return new WriteConnections() {
            @Override
            public Connection acquire() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }
        };
    }
}
