package dev.roster.scim.mybatis;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hands MyBatis sessions to the stores. A transaction takes a connection from {@link WriteConnections} (on SQLite the
 * one writer, under a lock, so writers queue in Java instead of colliding in SQLite; on PostgreSQL any connection of
 * the pool) and binds its session to the thread: store calls made inside it on that thread use it, see its
 * uncommitted writes and commit or roll back with it; a nested transaction joins it. Reads outside a transaction take
 * a reader connection and run in one read transaction, so that a count and the page it describes come from one
 * snapshot (on PostgreSQL a {@code REPEATABLE READ READ ONLY} one: its default takes a snapshot per statement).
 *
 * <p>Sessions run on connections that MyBatis neither commits nor closes (a managed transaction factory); this
 * class does both.
 */
final class Sessions {

    private final SqlSessionFactory factory;
    private final WriteConnections writes;
    private final DataSource readers;
    private final boolean serverDatabase;
    private final int serializationRetries;
    private final ThreadLocal<SqlSession> bound = new ThreadLocal<>();

    /**
     * @param serverDatabase       PostgreSQL: a read transaction asks for one snapshot ({@code REPEATABLE READ READ
     *                             ONLY}; SQLite's always have one); writes in a running transaction that may fail
     *                             and be handled get a savepoint
     * @param serializationRetries how often a write transaction that the database aborted to break a deadlock (or to
     *                             keep it serializable) runs again before the failure reaches the caller
     */
    Sessions(SqlSessionFactory factory, WriteConnections writes, DataSource readers, boolean serverDatabase,
             int serializationRetries) {
        this.factory = factory;
        this.writes = writes;
        this.readers = readers;
        this.serverDatabase = serverDatabase;
        this.serializationRetries = serializationRetries;
    }

    /** The pool reads take their connections from. */
    DataSource readers() {
        return readers;
    }

    /** Runs reads in the thread's transaction if there is one, else in a read transaction on a reader. */
    <T> T read(Function<SqlSession, T> work) {
        Optional<SqlSession> current = current();
        if (current.isPresent()) {
            return translated(() -> work.apply(current.get()));
        }
        try (Connection connection = readers.getConnection()) {
            if (serverDatabase) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            try (SqlSession session = factory.openSession(connection)) {
                return translated(() -> work.apply(session));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /**
     * Runs one statement on a pooled connection in auto-commit, outside any transaction: one round trip, without
     * the {@code COMMIT} a transaction adds. For PostgreSQL, whose pool every connection comes from.
     */
    <T> T autoCommitted(Function<SqlSession, T> work) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(true);
            try (SqlSession session = factory.openSession(connection)) {
                return translated(() -> work.apply(session));
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** Whether this thread runs a write transaction on a database that other processes write to at once. */
    boolean inSharedWriteTransaction() {
        return serverDatabase && bound.get() != null;
    }

    /** Runs writes in the thread's transaction, or in a transaction of their own. */
    <T> T write(Function<SqlSession, T> work) {
        return inTransaction(() -> translated(() -> work.apply(current().orElseThrow())));
    }

    /**
     * Runs writes that may fail with a constraint violation the caller handles ({@code uniqueness}, {@code conflict})
     * and then goes on in the same transaction, as SQLite allows. PostgreSQL aborts a transaction at its first error,
     * so inside a running one these writes get a savepoint, and a failure rolls back to it only.
     */
    <T> T writeRecoverably(Function<SqlSession, T> work) {
        Optional<SqlSession> joined = current();
        if (joined.isEmpty() || !serverDatabase) {
            return write(work);
        }
        Connection connection = joined.get().getConnection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
        try {
            T result = translated(() -> work.apply(joined.get()));
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /**
     * Runs statements through a batch session on the transaction's connection, so that repeated inserts reuse one
     * prepared statement; flushes before returning, so a constraint violation surfaces here.
     */
    void batch(Consumer<SqlSession> work) {
        inTransaction(() -> {
            Connection connection = current().orElseThrow().getConnection();
            try (SqlSession session = factory.openSession(ExecutorType.BATCH, connection)) {
                translated(() -> {
                    work.accept(session);
                    session.flushStatements();
                    return null;
                });
            }
            return null;
        });
    }

    /**
     * Runs {@code work} in the thread's transaction, or in a new one. On PostgreSQL a new one may run {@code work}
     * more than once: when the database aborts it to break a deadlock, it runs again on what the other committed, as
     * the use cases' own retries do.
     */
    <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        for (int retry = 0; ; retry++) {
            try {
                return inOwnConnection(work);
            } catch (RuntimeException e) {
                if (retry >= serializationRetries || !StorageFailures.isSerializationFailure(e)) {
                    throw e;
                }
                StorageFailures.pauseBeforeRetry(retry);
            }
        }
    }

    private <T> T inOwnConnection(Supplier<T> work) {
        Connection writer;
        try {
            writer = writes.acquire();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
        try {
            return inNewTransaction(writer, work);
        } finally {
            release(writer);
        }
    }

    private <T> T inNewTransaction(Connection writer, Supplier<T> work) {
        try {
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
        // REUSE keeps each distinct statement prepared for the rest of the transaction: a use case that reads and
        // writes several rows, or a seeding batch, prepares each statement once instead of once per row.
        try (SqlSession session = factory.openSession(ExecutorType.REUSE, writer)) {
            bound.set(session);
            T result = work.get();
            session.flushStatements();
            writer.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(writer, e);
            throw StorageFailures.translate(e);
        } catch (Error e) {
            rollback(writer, e);
            throw e;
        } catch (SQLException e) {
            rollback(writer, e);
            throw StorageFailures.translate(e);
        } finally {
            bound.remove();
            restoreAutoCommit(writer);
        }
    }

    private void release(Connection writer) {
        try {
            writes.release(writer);
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private Optional<SqlSession> current() {
        return Optional.ofNullable(bound.get());
    }

    private static void rollback(Connection writer, Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection writer) {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
