package dev.roster.scim.mybatis;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.RenderedKeysetPage;
import dev.roster.scim.core.port.out.PreparedUser;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.internal.mapper.AuditRow;
import dev.roster.scim.mybatis.internal.mapper.EmailRow;
import dev.roster.scim.mybatis.internal.mapper.UserMapper;
import dev.roster.scim.mybatis.internal.mapper.UserNameKeyRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import org.apache.ibatis.session.SqlSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link UserStore} on SQLite or PostgreSQL: a {@code users} row per user and a {@code user_emails} row per email value, written
 * together in one transaction.
 */
final class MyBatisUserStore implements UserStore {

    /** Rows per batch flush in {@link #insertAll}: bounds memory while keeping statements reused. */
    static final int BATCH_SIZE = 10_000;

    private static final int IN_LIST_SIZE = 1_000;

    private final Sessions sessions;
    private final UserSearch search;

    MyBatisUserStore(Sessions sessions, UserSearch search) {
        this.sessions = sessions;
        this.search = search;
    }

    /**
     * One statement, so in auto-commit: no read transaction, no isolation level set and reset (ADR 038); in plain
     * JDBC, without MyBatis's result map (ADR 047).
     */
    @Override
    public Optional<User> findById(SiteId site, String id) {
        return sessions.readOneByJdbc(connection -> JdbcReads.userById(connection, site.value(), id))
                .map(UserRows::toUser);
    }

    /**
     * From the row's stored rendering when it is current, read without the row's other columns; else rendered from
     * the row (ADR 026, ADR 034, ADR 047).
     */
    @Override
    public Optional<StoredRendering> findRendered(SiteId site, String id) {
        return sessions.readOneByJdbc(connection -> JdbcReads.renderedById(connection, site.value(), id));
    }

    @Override
    public Optional<User> findByUserName(SiteId site, String userName) {
        return sessions.readOneByJdbc(connection -> JdbcReads.userByNameKey(connection, site.value(),
                IdentifierProfile.key(userName))).map(UserRows::toUser);
    }

    @Override
    public Set<String> existingUserNames(SiteId site, Collection<String> userNames) {
        List<String> keys = userNames.stream().map(IdentifierProfile::key).distinct().toList();
        Set<String> existing = new HashSet<>();
        sessions.read(session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            // SQLite allows 32766 bound parameters; chunks keep each IN list far below that.
            for (int from = 0; from < keys.size(); from += IN_LIST_SIZE) {
                existing.addAll(mapper.existingUserNameKeys(site.value(),
                        keys.subList(from, Math.min(keys.size(), from + IN_LIST_SIZE))));
            }
            return null;
        });
        return existing;
    }

    /**
     * On PostgreSQL, a search inside a write transaction first takes the site's transaction-scoped advisory lock. Such
     * a search is how a rule over several users reads before it writes (the last-Admin guard counts the site's
     * active Admins, then demotes one); under {@code READ COMMITTED} two servers could each count two Admins and each
     * demote one. With the lock, the second count waits for the first transaction's commit and sees its write, as
     * it would behind SQLite's one writer. Searches outside transactions (every SCIM and admin list) take no lock.
     */
    @Override
    public UserPage search(SiteId site, UserQuery query) {
        return searching(site, session -> search.run(session, site, query));
    }

    /**
     * Served from each row's stored rendering (ADR 026); like {@link #search}, it locks in a write transaction. On
     * PostgreSQL outside a transaction, the page and its total are first asked of one statement in auto-commit: one
     * round trip instead of a read transaction's four (ADR 046). SQLite keeps its read transaction, which costs it
     * no round trip.
     */
    @Override
    public Optional<RenderedPage> searchRendered(SiteId site, UserQuery query) {
        if (sessions.serverDatabase() && !sessions.inSharedWriteTransaction()) {
            Optional<RenderedPage> alone = sessions.readOneByJdbc(
                    connection -> search.renderedInOneStatement(connection, site, query));
            if (alone.isPresent()) {
                return alone;
            }
        }
        return Optional.of(searching(site, session -> search.rendered(session, site, query)));
    }

    private <T> T searching(SiteId site, Function<SqlSession, T> work) {
        return sessions.read(session -> {
            if (sessions.inSharedWriteTransaction()) {
                session.getMapper(UserMapper.class).lockSiteForRules(siteLock(site));
            }
            return work.apply(session);
        });
    }

    /** A keyset page and its total, from one snapshot on PostgreSQL (reads run {@code REPEATABLE READ}). */
    @Override
    public KeysetPage searchByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        return sessions.read(session -> search.keyset(session, site, query, keyset));
    }

    /** {@link #searchByKeyset}'s page as renderings, in one read as that is ({@link UserSearch#renderedKeyset}). */
    @Override
    public Optional<RenderedKeysetPage> searchRenderedByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        return Optional.of(sessions.read(session -> search.renderedKeyset(session, site, query, keyset)));
    }

    @Override
    public void insert(SiteId site, User user) {
        insert(site, PreparedRow.of(site, user));
    }

    /** The rows, document and rendering, made on the caller's thread before the write unit (ADR 034). */
    @Override
    public PreparedUser prepare(SiteId site, User user) {
        return PreparedRow.of(site, user);
    }

    @Override
    public void insert(SiteId site, PreparedUser prepared) {
        PreparedRow rows = rowsOf(site, prepared);
        sessions.writeRecoverably(session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            mapper.insert(rows.row());
            rows.emails().forEach(mapper::insertEmail);
            return null;
        });
    }

    /** One transaction for all (a clash rolls back every user), flushed every {@value #BATCH_SIZE} users. */
    @Override
    public void insertAll(SiteId site, List<User> users) {
        sessions.inTransaction(() -> {
            for (int from = 0; from < users.size(); from += BATCH_SIZE) {
                List<User> chunk = users.subList(from, Math.min(users.size(), from + BATCH_SIZE));
                sessions.batch(session -> insertChunk(session.getMapper(UserMapper.class), site, chunk));
            }
            return null;
        });
    }

    /**
     * Replaces the row. A user that held its userName key and moves to another one hands the old key to the oldest
     * user kept as its duplicate (migration 4), so that every key in use has exactly one holder.
     */
    @Override
    public boolean update(SiteId site, User user, long expectedVersion) {
        return update(site, PreparedRow.of(site, user), expectedVersion);
    }

    /**
     * On PostgreSQL a user whose userName key stays is updated in one round trip, without a savepoint (it cannot clash
     * on the key); the emails are rewritten only when the document that holds them changed (a PATCH of
     * {@code active} leaves them). Any other update, and every update on SQLite, reads the stored key first.
     */
    @Override
    public boolean update(SiteId site, PreparedUser prepared, long expectedVersion) {
        PreparedRow rows = rowsOf(site, prepared);
        if (sessions.serverDatabase()
                && updatedKeepingTheKey(rows, mapper -> mapper.updateKeepingUserNameKey(rows.row(), expectedVersion))) {
            return true;
        }
        return updateReadingTheKey(site, rows, expectedVersion);
    }

    /**
     * Runs one of the PostgreSQL statements that update a user whose userName key stays ({@code empty} when it matched
     * no row, else whether the document stayed the same), and rewrites the emails when the document changed.
     */
    private boolean updatedKeepingTheKey(PreparedRow rows, Function<UserMapper, Optional<Boolean>> statement) {
        return sessions.write(session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            Optional<Boolean> sameDocument = statement.apply(mapper);
            if (sameDocument.isPresent() && !sameDocument.get()) {
                rewriteEmails(mapper, rows);
            }
            return sameDocument.isPresent();
        });
    }

    /** The general update: the stored key read first, in a savepoint where a transaction runs. */
    private boolean updateReadingTheKey(SiteId site, PreparedRow rows, long expectedVersion) {
        UserRow row = rows.row();
        return sessions.writeRecoverably(session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            Optional<UserNameKeyRow> before = JdbcReads.userNameKeyOf(session.getConnection(), site.value(),
                    row.id(), row.document());
            boolean keepsItsKeys = before.isPresent() && before.get().keysKeptBy(row);
            if (JdbcWrites.updateUser(session.getConnection(), row, expectedVersion, keepsItsKeys) == 0) {
                return false;
            }
            before.filter(old -> old.duplicate() == 0 && !old.key().equals(row.userNameKey()))
                    .ifPresent(old -> mapper.promoteDuplicate(site.value(), old.key()));
            if (before.isEmpty() || !before.get().sameDocument()) {
                rewriteEmails(mapper, rows);
            }
            return true;
        });
    }

    /**
     * On PostgreSQL, with this database's own audit log, an update whose userName key stays writes its audit records
     * in its own statement (ADR 054): the {@code UPDATE} and the {@code INSERT} of the records in one {@code WITH},
     * the records written only if the version-checked {@code UPDATE} matched, so a lost race writes none. One round
     * trip less than the update and then the records. Any other update, every update on SQLite (a statement there
     * costs no round trip) and another audit log take the port's way: the update, then the records appended.
     */
    @Override
    public boolean updateRecorded(SiteId site, PreparedUser prepared, long expectedVersion,
                                  List<AuditRecord> records, AuditLog audit) {
        if (!sessions.serverDatabase() || records.isEmpty()
                || !(audit instanceof MyBatisAuditLog own && own.writesThrough(sessions))) {
            return UserStore.super.updateRecorded(site, prepared, expectedVersion, records, audit);
        }
        PreparedRow rows = rowsOf(site, prepared);
        UserRow row = rows.row();
        List<AuditRow> auditRows = records.stream().map(MyBatisAuditLog::row).toList();
        if (updatedKeepingTheKey(rows, mapper -> auditRows.size() == 1
                ? mapper.updateKeepingUserNameKeyRecordedOnce(row, expectedVersion, auditRows.get(0))
                : mapper.updateKeepingUserNameKeyRecorded(row, expectedVersion, auditRows))) {
            return true;
        }
        if (!updateReadingTheKey(site, rows, expectedVersion)) {
            return false;
        }
        audit.appendAll(records);
        return true;
    }

    private static void rewriteEmails(UserMapper mapper, PreparedRow rows) {
        mapper.deleteEmails(rows.site().value(), rows.row().id());
        rows.emails().forEach(mapper::insertEmail);
    }

    /** The rows this store prepared for the site, or made now from a value another prepared. */
    private static PreparedRow rowsOf(SiteId site, PreparedUser prepared) {
        return prepared instanceof PreparedRow rows && rows.site().equals(site) ? rows
                : PreparedRow.of(site, prepared.user());
    }

    @Override
    public boolean delete(SiteId site, String id, long expectedVersion) {
        return sessions.write(session -> session.getMapper(UserMapper.class).delete(site.value(), id,
                expectedVersion) == 1);
    }

    /** The advisory lock key of a site: 64 bits of a SHA-256, so that no other application's keys collide by design. */
    static long siteLock(SiteId site) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("roster.site-rules:" + site.value()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Users first, then emails: a batch reuses a statement only while the same one repeats. */
    private static void insertChunk(UserMapper mapper, SiteId site, List<User> chunk) {
        List<EmailRow> emails = new ArrayList<>();
        for (User user : chunk) {
            UserRow row = UserRows.toRow(site, user);
            mapper.insert(row);
            emails.addAll(UserRows.emailRows(site, user));
        }
        emails.forEach(mapper::insertEmail);
    }
}
