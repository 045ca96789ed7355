package dev.roster.scim.mybatis;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Prepared statements kept per SQLite connection, below MyBatis and the pool: each reader's (ADR 033) and the
 * writer's (ADR 047). MyBatis opens a session per read and prepares each statement anew, and SQLite's
 * {@code sqlite3_prepare} costs about as much as running an indexed lookup. Here {@code prepareStatement(sql)}
 * hands out the connection's idle statement of that text if it has one, and {@code close()} gives a statement back
 * instead of finalizing it: its result set is closed (which resets it, so it holds no read snapshot while idle) and
 * its parameters cleared.
 *
 * <p>The rules: a statement is lent to one caller at a time (while lent it is not in the cache, so a second
 * {@code prepareStatement} of the same text gets a statement of its own); a statement whose execution failed is
 * finalized, not kept; at most {@link #MAX_PER_CONNECTION} idle statements per connection, the least recently used
 * finalized first; closing the connection finalizes them all, and a statement given back after that is finalized
 * too. A connection is used by one thread at a time (the pool lends it), but the cache locks anyway, as a stray
 * close from another thread must not corrupt it.
 */
final class StatementCache {

    /** Idle statements kept per connection: a search's text varies with the filter's shape, so more than one. */
    static final int MAX_PER_CONNECTION = 64;

    private StatementCache() {
    }

    /** A data source whose connections keep their prepared statements. */
    static DataSource caching(DataSource target) {
        return new CachingDataSource(target);
    }

    /**
     * {@code target}, keeping its prepared statements: for SQLite's one writer (ADR 047), whose transactions share
     * it. A statement is given back reset and cleared when its user closes it, so none carries a row, a snapshot or
     * a bound value from one unit or transaction into the next; a statement of a failed unit is finalized.
     */
    static Connection keeping(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CachingConnection(target));
    }

    /** One connection's idle statements, by SQL text. */
    private static final class Idle {
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
        private boolean closed;

        synchronized PreparedStatement take(String sql) {
            return statements.remove(sql);
        }

        /** Keeps {@code statement} unless the connection is closed or one of that text is already idle. */
        synchronized boolean keep(String sql, PreparedStatement statement) throws SQLException {
            if (closed || statements.containsKey(sql)) {
                return false;
            }
            statements.put(sql, statement);
            if (statements.size() > MAX_PER_CONNECTION) {
                Iterator<PreparedStatement> eldest = statements.values().iterator();
                PreparedStatement evicted = eldest.next();
                eldest.remove();
                evicted.close();
            }
            return true;
        }

        synchronized boolean isClosed() {
            return closed;
        }

        synchronized List<PreparedStatement> closeAll() {
            closed = true;
            List<PreparedStatement> all = new ArrayList<>(statements.values());
            statements.clear();
            return all;
        }
    }

    /** The connection: {@code prepareStatement(String)} from the cache, {@code close()} finalizes the cache. */
    private static final class CachingConnection implements InvocationHandler {
        private final Connection target;
        private final Idle idle = new Idle();

        CachingConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                PreparedStatement kept = idle.take(sql);
                PreparedStatement statement = kept != null ? kept : target.prepareStatement(sql);
                return Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, new LentStatement(sql, statement, idle, proxy));
            }
            if (method.getName().equals("close") && args == null) {
                SQLException failure = null;
                for (PreparedStatement statement : idle.closeAll()) {
                    try {
                        statement.close();
                    } catch (SQLException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                target.close();
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            return forwarded(target, method, args);
        }
    }

    /** A statement while lent: {@code close()} gives it back, a failed execution marks it for finalizing. */
    private static final class LentStatement implements InvocationHandler {
        private final String sql;
        private final PreparedStatement target;
        private final Idle idle;
        private final Object connection;
        /** A statement has at most one open result: executing again closes the one before (JDBC). */
        private ResultSet result;
        private boolean executed;
        private boolean failed;
        private boolean returned;

        LentStatement(String sql, PreparedStatement target, Idle idle, Object connection) {
            this.sql = sql;
            this.target = target;
            this.idle = idle;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && args == null) {
                giveBack();
                return null;
            }
            if (name.equals("isClosed") && args == null) {
                return returned || target.isClosed();
            }
            if (name.equals("getConnection") && args == null) {
                return connection;
            }
            if (returned) {
                throw new SQLException("statement is closed");
            }
            if (name.startsWith("execute")) {
                executed = true;
                result = null;
            }
            try {
                Object answer = forwarded(target, method, args);
                if (answer instanceof ResultSet resultSet) {
                    result = resultSet;
                }
                return answer;
            } catch (SQLException | RuntimeException e) {
                if (name.startsWith("execute")) {
                    failed = true;
                }
                throw e;
            }
        }

        private void giveBack() throws SQLException {
            if (returned) {
                return;
            }
            returned = true;
            if (failed || idle.isClosed() || target.isClosed()) {
                target.close();
                return;
            }
            try {
                if (result != null) {
                    result.close();
                } else if (executed) {
                    // execute() without getResultSet(): the statement may stand on a row, holding a read snapshot
                    ResultSet unread = target.getResultSet();
                    if (unread != null) {
                        unread.close();
                    }
                }
                target.clearParameters();
            } catch (SQLException e) {
                target.close();
                throw e;
            }
            if (!idle.keep(sql, target)) {
                target.close();
            }
        }
    }

    private static Object forwarded(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class CachingDataSource implements DataSource {
        private final DataSource target;

        CachingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return keeping(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return keeping(target.getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
