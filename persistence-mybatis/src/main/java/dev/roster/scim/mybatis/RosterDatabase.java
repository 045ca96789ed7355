package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.CursorKeys;
import dev.roster.scim.core.port.out.ExchangeLog;
import dev.roster.scim.core.port.out.RateLimiter;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.core.port.out.Transactions;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.internal.mapper.AccountOutboxMapper;
import dev.roster.scim.mybatis.internal.mapper.AdminSessionMapper;
import dev.roster.scim.mybatis.internal.mapper.AuditMapper;
import dev.roster.scim.mybatis.internal.mapper.ExchangeMapper;
import dev.roster.scim.mybatis.internal.mapper.RateLimitMapper;
import dev.roster.scim.mybatis.internal.mapper.ServerSettingsMapper;
import dev.roster.scim.mybatis.internal.mapper.SignInFailureMapper;
import dev.roster.scim.mybatis.internal.mapper.SiteMapper;
import dev.roster.scim.mybatis.internal.mapper.UserMapper;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Roster's store ports on one database: a SQLite file (the embedded default) or a PostgreSQL database (for
 * embedders that run it, and for several servers sharing one database). Opens it (a SQLite file is created if
 * needed, readable by its owner only), brings its schema up to date with Flyway and hands out {@link UserStore},
 * {@link SiteStore}, {@link AuditLog} and the {@link Transactions} they share. Close it when the application stops.
 *
 * <p><b>Which database</b> is which {@code open} the host calls; nothing else picks the dialect.
 * <ul>
 *   <li>{@link #open(Path)}: a SQLite file, for one server process. One writer connection, not pooled (SQLite lets one
 *       connection write at a time; writers queue for it in Java and share commits, ADR 008, ADR 027), and a HikariCP
 *       pool of 4 query-only readers ({@code roster-sqlite-readers}) that WAL lets run beside it. The writer syncs at
 *       every commit. Nothing to configure.</li>
 *   <li>{@link #open(PostgreSqlSettings)}: a PostgreSQL database, which several server processes may share (ADR 015).
 *       One fixed HikariCP pool ({@code roster-postgresql}) of {@link PostgreSqlSettings#maximumPoolSize()}
 *       connections for reads and writes, each statement bounded by {@link PostgreSqlSettings#statementTimeout()}.
 *       The driver ({@code org.postgresql}) and {@code flyway-database-postgresql} are the host's to put on the
 *       class or module path.</li>
 * </ul>
 *
 * <p><b>At start</b>, {@code open} creates the SQLite file if it is missing (owner-only permissions where the file
 * system has them), runs the pending Flyway migrations of its dialect (on PostgreSQL under a lock, so servers
 * starting together migrate once; a database newer than this code is refused) and opens the connections. Whatever
 * fails there is a {@link RosterStorageException} and leaves nothing open. {@link #upgradeNotices()} says what the
 * migrations want an operator to know. A SQLite file whose history already holds every migration is checked with one
 * query, without Flyway. MyBatis's configuration (its mapper parse) is built on a thread of its own, so
 * {@code open} returns before it is ready: the first store call waits for it (ADR 036).
 *
 * <p><b>Threads.</b> A database and everything it hands out are safe for concurrent use and meant to be shared by
 * every request thread. A {@link #transactions()} unit belongs to the thread that runs it: the stores' calls on that
 * thread join it; other threads do not see its writes before it commits.
 *
 * <pre>{@code
 * try (RosterDatabase database = RosterDatabase.open(Path.of("roster.db"))) {
 *     database.transactions().run(() -> database.userStore().insert(site, user));
 * }
 * try (RosterDatabase database = RosterDatabase.open(PostgreSqlSettings.of("jdbc:postgresql://db:5432/app"))) {
 *     ...
 * }
 * }</pre>
 */
public final class RosterDatabase implements AutoCloseable {

    private static final String CURSOR_KEY = "scim.cursor-key";

    private static final int FETCH_SIZE = 500;

    private final Dialect dialect;
    private final AutoCloseable connections;
    private final Transactions transactions;
    private final UserStore userStore;
    private final SiteStore siteStore;
    private final AuditLog auditLog;
    private final ExchangeLog exchangeLog;
    private final AccountOutbox accountOutbox;
    private final Sessions sessions;
    private final ServerSettings serverSettings;
    private final AdminSessions adminSessions;
    private final SignInFailures signInFailures;
    private final RateLimiter rateLimiter;
    private final WritePath writePath;
    private final List<String> upgradeNotices;
    private final Object cursorKeyLock = new Object();
    private volatile byte[] cursorKey;

    private RosterDatabase(Dialect dialect, Sessions sessions, WritePath writePath, AutoCloseable connections,
                           InMemoryFiltering inMemory, List<String> upgradeNotices) {
        this.dialect = dialect;
        this.writePath = writePath;
        this.connections = connections;
        this.upgradeNotices = List.copyOf(upgradeNotices);
        this.transactions = new MyBatisTransactions(sessions);
        this.userStore = new MyBatisUserStore(sessions, new UserSearch(dialect, inMemory));
        this.siteStore = new MyBatisSiteStore(sessions);
        this.auditLog = new MyBatisAuditLog(sessions);
        this.exchangeLog = new MyBatisExchangeLog(sessions);
        this.accountOutbox = new MyBatisAccountOutbox(sessions);
        this.sessions = sessions;
        this.serverSettings = new ServerSettings(sessions);
        this.adminSessions = new AdminSessions(sessions);
        this.signInFailures = new SignInFailures(sessions);
        this.rateLimiter = dialect == Dialect.POSTGRESQL ? new SharedRateLimiter(sessions) : new MemoryRateLimiter();
    }

    /**
     * Opens the database in that SQLite file, creating and migrating it as needed.
     *
     * @param sqliteFile the file; its folder must exist
     * @return the open database, which the caller closes
     * @throws RosterStorageException if the file cannot be created, opened or migrated (a database newer than this
     *                                code included)
     */
    public static RosterDatabase open(Path sqliteFile) {
        return open(sqliteFile, InMemoryFiltering.CORE);
    }

    /**
     * Opens a PostgreSQL database through a HikariCP pool of {@link PostgreSqlSettings#maximumPoolSize()}
     * connections and migrates Roster's tables in the connections' current schema. Several processes may open the
     * same database: Flyway migrates under a lock, and nothing a process keeps outlives a change made by another.
     *
     * @param settings where the database is, its credentials, pool size and statement timeout
     * @return the open database, which the caller closes
     * @throws RosterStorageException if the database cannot be reached or migrated (a database newer than this code
     *                                included); the pool is closed again
     */
    public static RosterDatabase open(PostgreSqlSettings settings) {
        return open(settings, InMemoryFiltering.CORE);
    }

    /**
     * Prepares what {@link #open(Path)} needs first and does not depend on the file: the SQLite driver's native
     * library (extracted from the driver's jar and loaded) and the classes of a connection's configuration. A host
     * may call it on a thread of its own at the very start of its process, so that this work runs beside its own
     * (parsing its options, configuring its logging) instead of at the head of {@code open} (ADR 053). Safe from any
     * thread and more than once; {@code open} waits for a preload in progress and does nothing of it again. It
     * never throws: a driver that cannot load fails the {@code open} that follows, as it would without this.
     */
    public static void preloadSqlite() {
        SqliteConnections.preload();
    }

    static RosterDatabase open(PostgreSqlSettings settings, InMemoryFiltering inMemory) {
        return open(settings, inMemory, DeferredSessionFactory.ownThread());
    }

    /** {@code configurationBuild} runs the MyBatis configuration's build (tests hold it back). */
    static RosterDatabase open(PostgreSqlSettings settings, InMemoryFiltering inMemory,
                               Executor configurationBuild) {
        HikariDataSource pool = PostgreSqlConnections.openPool(settings);
        try {
            try (Connection lock = PostgreSqlConnections.openSingle(settings)) {
                SchemaMigrations.migratePostgresql(pool, lock);
            } catch (SQLException e) {
                throw StorageFailures.translate(e);
            }
            SqlSessionFactory factory = new DeferredSessionFactory(() -> sessionFactory(pool), configurationBuild);
            WritePath writePath = WritePath.ofOwnCommits();
            Sessions sessions = new Sessions(factory, writePath.measuring(
                    WriteTransactions.pooled(factory, pool, PostgreSqlConnections.SERIALIZATION_RETRIES,
                            writePath::retried)), pool, true);
            return new RosterDatabase(Dialect.POSTGRESQL, sessions, writePath, pool, inMemory, List.of());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    static RosterDatabase open(Path sqliteFile, InMemoryFiltering inMemory) {
        return open(sqliteFile, inMemory, DeferredSessionFactory.ownThread());
    }

    /** {@code configurationBuild} runs the MyBatis configuration's build (tests hold it back). */
    static RosterDatabase open(Path sqliteFile, InMemoryFiltering inMemory, Executor configurationBuild) {
        OwnerOnlyFile.createIfMissing(sqliteFile);
        List<String> notices = SchemaMigrations.migrateSqlite(SqliteConnections.migrations(sqliteFile));
        Connection writer = openWriter(sqliteFile);
        try {
            HikariDataSource readers = SqliteConnections.openReaders(sqliteFile);
            // The mapper parse runs beside the host's start; the first session waits for it (ADR 036).
            SqlSessionFactory factory = new DeferredSessionFactory(() -> sessionFactory(readers),
                    configurationBuild);
            GroupCommit groupCommit = new GroupCommit(factory, writer);
            WritePath writePath = WritePath.ofGroupCommit(groupCommit);
            Sessions sessions = new Sessions(factory, writePath.measuring(groupCommit), readers, false);
            return new RosterDatabase(Dialect.SQLITE, sessions, writePath, () -> {
                try {
                    readers.close();
                } finally {
                    writer.close();
                }
            }, inMemory, notices);
        } catch (RuntimeException e) {
            closeQuietly(writer, e);
            throw e;
        }
    }

    /** The readers' pool, for this package's tests of reads on a reader connection. */
    javax.sql.DataSource readers() {
        return sessions.readers();
    }

    /**
     * The connection pool that reads take their connections from, for a host to watch: on PostgreSQL the one pool
     * every read and write uses; on SQLite the readers', beside the one writer connection, which is not pooled.
     *
     * @return a view of the pool that reads its numbers at each call
     */
    public ConnectionPool connectionPool() {
        return new ConnectionPool((HikariDataSource) sessions.readers());
    }

    /**
     * The write transactions' counts and times, for a host to watch (ADR 027).
     *
     * @return the counters, the same object at every call
     */
    public WritePath writePath() {
        return writePath;
    }

    /** Which database this is. */
    /** The sessions of the stores, for tests in the package that compare a JDBC read with its MyBatis form. */
    Sessions sessions() {
        return sessions;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * The users of every site, with filters, sorting and paging pushed down to SQL where they can be (ADR 007) and
     * each user's default rendering kept beside it (ADR 026).
     *
     * @return the store, the same at every call
     */
    public UserStore userStore() {
        return userStore;
    }

    /**
     * The sites, their settings and their bearer tokens (as hashes).
     *
     * @return the store, the same at every call
     */
    public SiteStore siteStore() {
        return siteStore;
    }

    /**
     * The audit records of every site.
     *
     * @return the log, the same at every call
     */
    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * The request inspector's last SCIM exchanges per site.
     *
     * @return the log, the same at every call
     */
    public ExchangeLog exchangeLog() {
        return exchangeLog;
    }

    /**
     * The transactions every store of this database takes part in: a unit run here commits all its writes, to
     * whichever store, or none.
     *
     * @return the transactions, the same at every call
     */
    public Transactions transactions() {
        return transactions;
    }

    /**
     * The side-car outbox (ADR 022): give it to {@code AccountSync.outbox} and to an {@code AccountRelay} when the
     * host's accounts are not in this database.
     *
     * @return the outbox, the same at every call
     */
    public AccountOutbox accountOutbox() {
        return accountOutbox;
    }

    /**
     * Runs {@code work} on the connection of this thread's running {@link #transactions()} unit, joining it, or in a
     * unit of its own: how a host whose accounts table is in this database implements {@code Accounts} so that its
     * rows change in the SCIM change's transaction ({@code AccountSync.sharedTransaction}). The work must neither
     * commit, roll back nor close the connection; throwing rolls the whole unit back. On SQLite this is the one
     * writer connection, so keep the work short.
     *
     * @param work what to do on the connection
     * @param <T>  what the work returns
     * @return what the work returned
     * @throws RosterStorageException for an {@link SQLException} of the work that no SCIM error describes (one that
     *                                breaks a unique constraint of Roster's tables is {@code 409 uniqueness})
     *
     * <pre>{@code
     * database.inTransaction(connection -> {
     *     try (PreparedStatement update = connection.prepareStatement("UPDATE accounts SET active = ? WHERE ...")) {
     *         ...
     *         return update.executeUpdate();
     *     }
     * });
     * }</pre>
     */
    public <T> T inTransaction(ConnectionWork<T> work) {
        return sessions.write(session -> {
            try {
                return work.apply(session.getConnection());
            } catch (SQLException e) {
                throw StorageFailures.translate(e);
            }
        });
    }

    /**
     * Work on a JDBC connection of a running transaction, for {@link #inTransaction(ConnectionWork)}.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        /**
         * Does the work.
         *
         * @param connection the transaction's connection, which the work must neither commit, roll back nor close
         * @return the work's result
         * @throws SQLException as JDBC throws it; the transaction is then rolled back
         */
        T apply(Connection connection) throws SQLException;
    }

    /**
     * What the migrations applied by this open ask to tell the operator (users an upgrade treats differently, such
     * as userNames the identifier profile refuses), one line each; empty when nothing was applied or nothing needs
     * saying. Log them where an operator looks.
     *
     * @return the notices, in the order the migrations ran; always empty on PostgreSQL so far
     */
    public List<String> upgradeNotices() {
        return upgradeNotices;
    }

    /**
     * The key that signs SCIM paging cursors, the same for every server on this database: 32 random bytes
     * generated by the first server that asks and kept in {@code server_settings} (ADR 020 says why a key beside the
     * data it pages is acceptable).
     *
     * @return the keys, for {@code ScimUsersService}; the stored key is read at their first call, once for this
     *         open database, and every later call returns a copy of it
     */
    public CursorKeys cursorKeys() {
        return () -> storedCursorKey().clone();
    }

    private byte[] storedCursorKey() {
        byte[] key = cursorKey;
        if (key == null) {
            synchronized (cursorKeyLock) {
                key = cursorKey;
                if (key == null) {
                    // Whichever server stores its key first wins; every other one reads the winner's.
                    serverSettings.putIfAbsent(CURSOR_KEY, Base64.getEncoder().encodeToString(randomKey()));
                    key = Base64.getDecoder().decode(serverSettings.get(CURSOR_KEY).orElseThrow(
                            () -> new RosterStorageException("the cursor key vanished from server_settings")));
                    cursorKey = key;
                }
            }
        }
        return key;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * The buckets of the sites' rate limits (ADR 024), for {@code SiteAdministrationService}: on PostgreSQL in the
     * database, so that every server on it shares each limit (one statement per request); on SQLite, whose one
     * server is the only one, in this process's memory.
     *
     * @return the limiter, the same at every call
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * Named values of the embedding application (not SCIM data).
     *
     * @return the settings, the same at every call
     */
    public ServerSettings serverSettings() {
        return serverSettings;
    }

    /**
     * Sign-in sessions of the embedding application's administrators, by the hash of their id.
     *
     * @return the sessions, the same at every call
     */
    public AdminSessions adminSessions() {
        return adminSessions;
    }

    /**
     * Failed sign-ins per client, for a throttle shared by every server of this database.
     *
     * @return the failures, the same at every call
     */
    public SignInFailures signInFailures() {
        return signInFailures;
    }

    /**
     * Closes the connections; the stores fail afterwards. Call it once the requests that use them have finished.
     *
     * @throws RosterStorageException if a connection fails to close
     */
    @Override
    public void close() {
        try {
            connections.close();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RosterStorageException("Closing the database failed.", e);
        }
    }

    private static Connection openWriter(Path sqliteFile) {
        try {
            return StatementCache.keeping(SqliteConnections.openWriter(sqliteFile));
        } catch (SQLException e) {
            throw new RosterStorageException("Cannot open the database file " + sqliteFile + ".", e);
        }
    }

    private static SqlSessionFactory sessionFactory(DataSource readers) {
        // Sessions are opened on connections that Sessions owns; MyBatis must neither commit nor close them.
        ManagedTransactionFactory managed = new ManagedTransactionFactory();
        Properties properties = new Properties();
        properties.setProperty("closeConnection", "false");
        managed.setProperties(properties);
        Configuration configuration = new Configuration(new Environment("roster", managed, readers));
        // A session's cache would hide the batch session's inserts from the simple session of the same transaction.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        // PostgreSQL's driver streams a result (the in-Java filtering of UserSearch) only with a fetch size.
        configuration.setDefaultFetchSize(FETCH_SIZE);
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(SiteMapper.class);
        configuration.addMapper(AuditMapper.class);
        configuration.addMapper(AccountOutboxMapper.class);
        configuration.addMapper(ServerSettingsMapper.class);
        configuration.addMapper(AdminSessionMapper.class);
        configuration.addMapper(SignInFailureMapper.class);
        configuration.addMapper(ExchangeMapper.class);
        configuration.addMapper(RateLimitMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
