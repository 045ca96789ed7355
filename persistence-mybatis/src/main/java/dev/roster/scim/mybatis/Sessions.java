package dev.roster.scim.mybatis;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hands MyBatis sessions to the stores. A transaction owns the one writer connection (taken under a lock, so writers
 * queue in Java instead of colliding in SQLite) and binds its session to the thread: store calls made inside it on
 * that thread use it, see its uncommitted writes and commit or roll back with it; a nested transaction joins it.
 * Reads outside a transaction take a reader connection and run in one read transaction, so that a count and the
 * page it describes come from one snapshot.
 *
 * <p>Sessions run on connections that MyBatis neither commits nor closes (a managed transaction factory); this
 * class does both.
 */
final class Sessions {

    private final SqlSessionFactory factory;
    private final Connection writer;
    private final DataSource readers;
    private final ReentrantLock writerLock = new ReentrantLock(true);
    private final ThreadLocal<SqlSession> bound = new ThreadLocal<>();

    Sessions(SqlSessionFactory factory, Connection writer, DataSource readers) {
        this.factory = factory;
        this.writer = writer;
        this.readers = readers;
    }

    /** Runs reads in the thread's transaction if there is one, else in a read transaction on a reader. */
    <T> T read(Function<SqlSession, T> work) {
        Optional<SqlSession> current = current();
        if (current.isPresent()) {
            return translated(() -> work.apply(current.get()));
        }
        try (Connection connection = readers.getConnection()) {
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

    /** Runs writes in the thread's transaction, or in a transaction of their own. */
    <T> T write(Function<SqlSession, T> work) {
        return inTransaction(() -> translated(() -> work.apply(current().orElseThrow())));
    }

    /**
     * Runs statements through a batch session on the transaction's connection, so that repeated inserts reuse one
     * prepared statement; flushes before returning, so a constraint violation surfaces here.
     */
    void batch(Consumer<SqlSession> work) {
        inTransaction(() -> {
            try (SqlSession session = factory.openSession(ExecutorType.BATCH, writer)) {
                translated(() -> {
                    work.accept(session);
                    session.flushStatements();
                    return null;
                });
            }
            return null;
        });
    }

    <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        writerLock.lock();
        try {
            return inNewTransaction(work);
        } finally {
            writerLock.unlock();
        }
    }

    private <T> T inNewTransaction(Supplier<T> work) {
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
            rollback(e);
            throw StorageFailures.translate(e);
        } catch (Error e) {
            rollback(e);
            throw e;
        } catch (SQLException e) {
            rollback(e);
            throw StorageFailures.translate(e);
        } finally {
            bound.remove();
            restoreAutoCommit();
        }
    }

    private Optional<SqlSession> current() {
        return Optional.ofNullable(bound.get());
    }

    private void rollback(Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void restoreAutoCommit() {
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
