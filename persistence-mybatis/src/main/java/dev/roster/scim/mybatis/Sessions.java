package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hands MyBatis sessions to the stores. A transaction gets its session from {@link WriteTransactions} (on SQLite the
 * one writer, under a lock, so writers queue in Java instead of colliding in SQLite, and share commits; on PostgreSQL
 * any connection of the pool) and binds it to the thread: store calls made inside it on that thread use it, see its
 * uncommitted writes and commit or roll back with it; a nested transaction joins it. Reads outside a transaction take
 * a reader connection and run in one read transaction, so that a count and the page it describes come from one
 * snapshot (on PostgreSQL a {@code REPEATABLE READ READ ONLY} one: its default takes a snapshot per statement).
 *
 * <p>Sessions run on connections that MyBatis neither commits nor closes (a managed transaction factory); this
 * class does both.
 */
final class Sessions {

    /** One snapshot for every statement of a read; the snapshot is taken at its first statement, not here. */
    private static final String BEGIN_READ_SNAPSHOT = "START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";

    private final SqlSessionFactory factory;
    private final WriteTransactions transactions;
    private final DataSource readers;
    private final boolean serverDatabase;
    private final ThreadLocal<SqlSession> bound = new ThreadLocal<>();

    /**
     * @param serverDatabase PostgreSQL: a read transaction asks for one snapshot ({@code REPEATABLE READ READ ONLY};
     *                       SQLite's always have one); writes in a running transaction that may fail and be handled
     *                       get a savepoint
     */
    Sessions(SqlSessionFactory factory, WriteTransactions transactions, DataSource readers, boolean serverDatabase) {
        this.factory = factory;
        this.transactions = transactions;
        this.readers = readers;
        this.serverDatabase = serverDatabase;
    }

    /** Whether the database is PostgreSQL, which other processes write to at once, rather than SQLite. */
    boolean serverDatabase() {
        return serverDatabase;
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
                return inSnapshot(connection, work);
            }
            connection.setAutoCommit(false);
            try (SqlSession session = factory.openSession(connection)) {
                return translated(() -> work.apply(session));
            } finally {
                endRead(connection);
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /**
     * A read transaction on PostgreSQL, begun and ended by statements of its own while the connection stays in
     * auto-commit. The driver's way ({@code setTransactionIsolation}, {@code setReadOnly}, {@code setAutoCommit(false)})
     * costs a {@code SET SESSION CHARACTERISTICS} round trip before the read and, as HikariCP puts the isolation back
     * when the connection returns, another after it: two of a lookup's four round trips (ADR 039). A connection
     * whose {@code ROLLBACK} fails may still be in the transaction, so the pool drops it.
     */
    private <T> T inSnapshot(Connection connection, Function<SqlSession, T> work) throws SQLException {
        execute(connection, BEGIN_READ_SNAPSHOT);
        try (SqlSession session = factory.openSession(connection)) {
            return translated(() -> work.apply(session));
        } finally {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException e) {
                if (readers instanceof HikariDataSource pool) {
                    pool.evictConnection(connection);
                }
                throw e;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Ends a read transaction on SQLite: the return to auto-commit ends it. A query-only reader has nothing to
     * commit, and sqlite-jdbc's {@code rollback()} would begin a new transaction for the return to commit, two
     * more statements on every read (ADR 033).
     */
    private static void endRead(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
    }

    /**
     * Runs one read statement in the thread's transaction if there is one, else in auto-commit on a reader: a
     * single statement sees one snapshot by itself, so it needs neither the read transaction of {@link #read} nor
     * its rollback.
     */
    <T> T readOne(Function<SqlSession, T> work) {
        Optional<SqlSession> current = current();
        if (current.isPresent()) {
            return translated(() -> work.apply(current.get()));
        }
        return autoCommitted(work);
    }

    /**
     * Runs one read statement in plain JDBC (ADR 041) in the thread's transaction if there is one, else in
     * auto-commit on a reader: a single statement sees one snapshot by itself, so it needs neither the read
     * transaction of {@link #read} nor its rollback, and no MyBatis session is opened around it.
     */
    <T> T readOneByJdbc(Function<Connection, T> work) {
        Optional<SqlSession> current = current();
        if (current.isPresent()) {
            return translated(() -> work.apply(current.get().getConnection()));
        }
        return onAutoCommitReader(work);
    }

    /**
     * Runs one statement on a pooled connection in auto-commit, outside any transaction: one round trip, without
     * the {@code COMMIT} a transaction adds. For PostgreSQL, whose pool every connection comes from.
     */
    <T> T autoCommitted(Function<SqlSession, T> work) {
        return onAutoCommitReader(connection -> {
            try (SqlSession session = factory.openSession(connection)) {
                return work.apply(session);
            }
        });
    }

    private <T> T onAutoCommitReader(Function<Connection, T> work) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(true);
            return translated(() -> work.apply(connection));
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
     * Runs {@code work} in the thread's transaction, or in a new one from {@link WriteTransactions}. On PostgreSQL a
     * new one may run {@code work} more than once: when the database aborts it to break a deadlock, it runs again on
     * what the other committed, as the use cases' own retries do.
     */
    <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        try {
            return transactions.run(session -> {
                bound.set(session);
                try {
                    return work.get();
                } finally {
                    bound.remove();
                }
            });
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }

    private Optional<SqlSession> current() {
        return Optional.ofNullable(bound.get());
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
