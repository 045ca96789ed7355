package dev.roster.scim.mybatis;

import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A session factory whose MyBatis configuration (the parse of every mapper's XML and annotations) is built on another
 * thread, so that the host's own start (Jersey's build, the bind) runs beside it (ADR 036). A session asked for before
 * the build has finished waits for it: the first request is answered late, never refused.
 */
final class DeferredSessionFactory implements SqlSessionFactory {

    private final CompletableFuture<SqlSessionFactory> built;

    DeferredSessionFactory(Supplier<SqlSessionFactory> build, Executor executor) {
        this.built = CompletableFuture.supplyAsync(build, executor);
    }

    /** Builds on a daemon thread of its own, {@code roster-mybatis-configuration}. */
    static Executor ownThread() {
        return work -> {
            Thread thread = new Thread(work, "roster-mybatis-configuration");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private SqlSessionFactory ready() {
        try {
            return built.join();
        } catch (CompletionException e) {
            throw new RosterStorageException("Building the MyBatis configuration failed: " + e.getCause(),
                    e.getCause());
        }
    }

    @Override
    public SqlSession openSession() {
        return ready().openSession();
    }

    @Override
    public SqlSession openSession(boolean autoCommit) {
        return ready().openSession(autoCommit);
    }

    @Override
    public SqlSession openSession(Connection connection) {
        return ready().openSession(connection);
    }

    @Override
    public SqlSession openSession(TransactionIsolationLevel level) {
        return ready().openSession(level);
    }

    @Override
    public SqlSession openSession(ExecutorType type) {
        return ready().openSession(type);
    }

    @Override
    public SqlSession openSession(ExecutorType type, boolean autoCommit) {
        return ready().openSession(type, autoCommit);
    }

    @Override
    public SqlSession openSession(ExecutorType type, TransactionIsolationLevel level) {
        return ready().openSession(type, level);
    }

    @Override
    public SqlSession openSession(ExecutorType type, Connection connection) {
        return ready().openSession(type, connection);
    }

    @Override
    public Configuration getConfiguration() {
        return ready().getConfiguration();
    }
}
