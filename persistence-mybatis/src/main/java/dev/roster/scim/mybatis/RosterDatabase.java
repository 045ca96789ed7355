package dev.roster.scim.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.core.port.out.Transactions;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.mapper.AdminSessionMapper;
import dev.roster.scim.mybatis.mapper.AuditMapper;
import dev.roster.scim.mybatis.mapper.ServerSettingsMapper;
import dev.roster.scim.mybatis.mapper.SignInFailureMapper;
import dev.roster.scim.mybatis.mapper.SiteMapper;
import dev.roster.scim.mybatis.mapper.UserMapper;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Roster's store ports on one SQLite file: opens it (creating it if needed, readable by its owner only), brings its
 * schema up to date and hands out {@link UserStore}, {@link SiteStore}, {@link AuditLog} and the
 * {@link Transactions} they share. Close it when the application stops.
 *
 * <pre>{@code
 * try (RosterDatabase database = RosterDatabase.open(Path.of("roster.db"))) {
 *     database.transactions().run(() -> database.userStore().insert(site, user));
 * }
 * }</pre>
 */
public final class RosterDatabase implements AutoCloseable {

    private final Connection writer;
    private final HikariDataSource readers;
    private final Transactions transactions;
    private final UserStore userStore;
    private final SiteStore siteStore;
    private final AuditLog auditLog;
    private final ServerSettings serverSettings;
    private final AdminSessions adminSessions;
    private final SignInFailures signInFailures;
    private final List<String> upgradeNotices;

    private RosterDatabase(Connection writer, HikariDataSource readers, InMemoryFiltering inMemory,
                           List<String> upgradeNotices) {
        this.writer = writer;
        this.upgradeNotices = List.copyOf(upgradeNotices);
        this.readers = readers;
        Sessions sessions = new Sessions(sessionFactory(readers), writer, readers);
        this.transactions = new MyBatisTransactions(sessions);
        this.userStore = new MyBatisUserStore(sessions, new UserSearch(inMemory));
        this.siteStore = new MyBatisSiteStore(sessions);
        this.auditLog = new MyBatisAuditLog(sessions);
        this.serverSettings = new ServerSettings(sessions);
        this.adminSessions = new AdminSessions(sessions);
        this.signInFailures = new SignInFailures(sessions);
    }

    /** Opens the database in that file, creating and migrating it as needed. */
    public static RosterDatabase open(Path sqliteFile) {
        return open(sqliteFile, InMemoryFiltering.CORE);
    }

    static RosterDatabase open(Path sqliteFile, InMemoryFiltering inMemory) {
        return open(sqliteFile, inMemory, new SchemaMigrations(SchemaMigrations.ALL));
    }

    static RosterDatabase open(Path sqliteFile, InMemoryFiltering inMemory, SchemaMigrations migrations) {
        Connection writer = openWriter(sqliteFile);
        List<String> notices = migrate(writer, migrations);
        try {
            return new RosterDatabase(writer, SqliteConnections.openReaders(sqliteFile), inMemory, notices);
        } catch (RuntimeException e) {
            closeQuietly(writer, e);
            throw e;
        }
    }

    public UserStore userStore() {
        return userStore;
    }

    public SiteStore siteStore() {
        return siteStore;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Transactions transactions() {
        return transactions;
    }

    /**
     * What the migrations applied by this open ask to tell the operator (users an upgrade treats differently, such
     * as userNames the identifier profile refuses), one line each; empty when nothing was applied or nothing needs
     * saying. Log them where an operator looks.
     */
    public List<String> upgradeNotices() {
        return upgradeNotices;
    }

    /** Named values of the embedding application (not SCIM data). */
    public ServerSettings serverSettings() {
        return serverSettings;
    }

    /** Sign-in sessions of the embedding application's administrators, by the hash of their id. */
    public AdminSessions adminSessions() {
        return adminSessions;
    }

    /** Failed sign-ins per client, for a throttle shared by every server of this database. */
    public SignInFailures signInFailures() {
        return signInFailures;
    }

    @Override
    public void close() {
        try {
            readers.close();
        } finally {
            closeWriter();
        }
    }

    private void closeWriter() {
        try {
            writer.close();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private static Connection openWriter(Path sqliteFile) {
        OwnerOnlyFile.createIfMissing(sqliteFile);
        try {
            return SqliteConnections.openWriter(sqliteFile);
        } catch (SQLException e) {
            throw new RosterStorageException("Cannot open the database file " + sqliteFile + ".", e);
        }
    }

    private static List<String> migrate(Connection writer, SchemaMigrations migrations) {
        try {
            return migrations.migrate(writer);
        } catch (RuntimeException e) {
            closeQuietly(writer, e);
            throw e;
        }
    }

    private static SqlSessionFactory sessionFactory(HikariDataSource readers) {
        // Sessions are opened on connections that Sessions owns; MyBatis must neither commit nor close them.
        ManagedTransactionFactory managed = new ManagedTransactionFactory();
        Properties properties = new Properties();
        properties.setProperty("closeConnection", "false");
        managed.setProperties(properties);
        Configuration configuration = new Configuration(new Environment("roster", managed, readers));
        // A session's cache would hide the batch session's inserts from the simple session of the same transaction.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(SiteMapper.class);
        configuration.addMapper(AuditMapper.class);
        configuration.addMapper(ServerSettingsMapper.class);
        configuration.addMapper(AdminSessionMapper.class);
        configuration.addMapper(SignInFailureMapper.class);
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
