package dev.roster.scim.mybatis;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Write transactions on SQLite's one writer (ADR 008), with group commit (ADR 027): writers that queue for the writer
 * while another works share one database transaction and one commit, so one WAL write and one {@code fsync} serve
 * them all.
 *
 * <p>Each writer takes the writer under a fair lock (writers queue in Java, never in SQLite's busy handler) and runs its
 * unit in a {@code SAVEPOINT} of the open transaction: a unit that throws rolls back to its savepoint, alone, and its
 * caller gets the failure at once; its neighbours' writes stay. After its unit the writer commits if no other writer
 * waits for the lock (or the transaction holds {@value #MAX_UNITS} units); otherwise it leaves the commit to the next
 * one and waits for it. Every writer returns only after the commit that holds its unit, and if that commit fails, every
 * unit in it fails. The audit record of a change is written by the same unit, so it commits with it.
 *
 * <p>So a writer's acknowledgement waits for the units queued behind it: a caller must not hold, across a write
 * transaction, a lock that another writer's unit takes, or the two wait for each other.
 *
 * <p>The writer keeps one {@link ExecutorType#REUSE} session open across transactions, so each statement is prepared
 * once instead of once per request; it is renewed every {@value #SESSION_RENEWAL_COMMITS} commits because it keeps
 * every distinct statement text it has seen (filters make many). The statements the units run in plain JDBC on the
 * writer ({@link JdbcReads}; {@link JdbcWrites}' update and audit insert, ADR 050) are kept below it, by the writer
 * connection itself ({@link StatementCache#keeping}, ADR 047), and given back reset at each close, so a unit that
 * rolls back to its savepoint leaves none on a row.
 */
final class GroupCommit implements WriteTransactions {

    static final int MAX_UNITS = 128;
    static final int SESSION_RENEWAL_COMMITS = 1_000;

    private final SqlSessionFactory factory;
    private final Connection writer;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicLong commits = new AtomicLong();

    // Guarded by lock.
    private SqlSession session;
    private Batch open;
    private int commitsOfSession;

    GroupCommit(SqlSessionFactory factory, Connection writer) {
        this.factory = factory;
        this.writer = writer;
    }

    @Override
    public <T> T run(Function<SqlSession, T> unit) {
        Batch batch;
        T result;
        lock.lock();
        try {
            batch = begin();
            try {
                result = inSavepoint(batch, unit);
            } finally {
                if (open == batch && (batch.units >= MAX_UNITS || !lock.hasQueuedThreads())) {
                    finish(batch);
                }
            }
        } finally {
            lock.unlock();
        }
        batch.awaitCommit();
        return result;
    }

    /**
     * How many transactions the writer has committed. Read without the writer's lock: a reader queued on it would
     * count as a waiting writer and hold the open group's commit back.
     */
    long commits() {
        return commits.get();
    }

    /** Whether some writer waits for the one at work; for tests that build a group deterministically. */
    boolean hasQueuedWriters() {
        return lock.hasQueuedThreads();
    }

    private Batch begin() {
        if (open == null) {
            try {
                writer.setAutoCommit(false);
            } catch (SQLException e) {
                throw StorageFailures.translate(e);
            }
            if (session == null) {
                session = factory.openSession(ExecutorType.REUSE, writer);
            }
            open = new Batch();
        }
        return open;
    }

    private <T> T inSavepoint(Batch batch, Function<SqlSession, T> unit) {
        Savepoint savepoint;
        try {
            savepoint = writer.setSavepoint();
        } catch (SQLException e) {
            abort(batch, e);
            throw StorageFailures.translate(e);
        }
        try {
            T result = unit.apply(session);
            writer.releaseSavepoint(savepoint);
            batch.units++;
            return result;
        } catch (RuntimeException | Error e) {
            rollBackTo(batch, savepoint, e);
            throw e;
        } catch (SQLException e) {
            rollBackTo(batch, savepoint, e);
            throw StorageFailures.translate(e);
        }
    }

    private void rollBackTo(Batch batch, Savepoint savepoint, Throwable cause) {
        try {
            writer.rollback(savepoint);
            writer.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            // SQLite rolls a whole transaction back on some errors (a full disk, an I/O error): the savepoint is
            // gone, and with it the neighbours' units, which therefore fail too.
            cause.addSuppressed(e);
            abort(batch, cause);
        }
    }

    private void finish(Batch batch) {
        open = null;
        try {
            if (batch.units > 0) {
                writer.commit();
                commits.incrementAndGet();
            } else {
                writer.rollback();
            }
            // Leaving manual commit ends the transaction that sqlite-jdbc begins after each commit, so the write lock
            // is free for other processes between groups.
            writer.setAutoCommit(true);
            batch.committed();
        } catch (SQLException e) {
            abortOpenTransaction(e);
            batch.failed(StorageFailures.translate(e));
        }
        renewSessionWhenDue();
    }

    private void abort(Batch batch, Throwable cause) {
        if (open == batch) {
            open = null;
            abortOpenTransaction(cause);
        }
        batch.failed(new RosterStorageException("The transaction was rolled back: " + cause.getMessage(), cause));
    }

    private void abortOpenTransaction(Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        closeSession();
    }

    private void renewSessionWhenDue() {
        if (++commitsOfSession >= SESSION_RENEWAL_COMMITS) {
            closeSession();
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        commitsOfSession = 0;
    }

    /** The units of one transaction, and the outcome of its commit. */
    private static final class Batch {

        private int units;
        private boolean done;
        private RuntimeException failure;

        synchronized void committed() {
            done = true;
            notifyAll();
        }

        synchronized void failed(RuntimeException cause) {
            if (!done) {
                failure = cause;
                done = true;
                notifyAll();
            }
        }

        synchronized void awaitCommit() {
            boolean interrupted = false;
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // The unit is written and will commit or fail with its group: its caller must learn which.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
