package dev.roster.scim.mybatis;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * How a write transaction that no other one encloses gets a session, and when it commits: on SQLite by
 * {@link GroupCommit} on the one writer, on PostgreSQL by {@link #pooled} on any connection of the pool.
 */
interface WriteTransactions {

    /**
     * Runs {@code unit} in a transaction and returns once it is committed; a unit that throws leaves nothing behind.
     */
    <T> T run(Function<SqlSession, T> unit);

    /**
     * Each transaction on a connection of its own, committed alone (PostgreSQL): writers run side by side, their rows
     * locked by the database, and concurrent commits already share WAL flushes in the server. A transaction that the
     * database aborted to break a deadlock (or to stay serializable) runs again, up to {@code serializationRetries}
     * times, on what the other committed, as the use cases' own retries do; {@code onRetry} is told of each.
     */
    static WriteTransactions pooled(SqlSessionFactory factory, DataSource pool, int serializationRetries,
            Runnable onRetry) {
        return new WriteTransactions() {
            @Override
            public <T> T run(Function<SqlSession, T> unit) {
                for (int retry = 0; ; retry++) {
                    try {
                        return inOwnConnection(unit);
                    } catch (RuntimeException e) {
                        if (retry >= serializationRetries || !StorageFailures.isSerializationFailure(e)) {
                            throw e;
                        }
                        onRetry.run();
                        StorageFailures.pauseBeforeRetry(retry);
                    }
                }
            }

            private <T> T inOwnConnection(Function<SqlSession, T> unit) {
                try (Connection connection = pool.getConnection()) {
                    connection.setAutoCommit(false);
                    // REUSE keeps each distinct statement prepared for the rest of the transaction; across
                    // transactions the driver keeps the server-side prepared statements of each connection.
                    try (SqlSession session = factory.openSession(ExecutorType.REUSE, connection)) {
                        T result = unit.apply(session);
                        session.flushStatements();
                        connection.commit();
                        return result;
                    } catch (RuntimeException | Error e) {
                        rollback(connection, e);
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    throw StorageFailures.translate(e);
                }
            }
        };
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
