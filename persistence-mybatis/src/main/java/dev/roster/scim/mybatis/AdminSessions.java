package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.AdminSessionMapper;
import dev.roster.scim.mybatis.internal.mapper.AdminSessionRow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in sessions of the embedding application's administrators, by the hash of their id (the id itself is never
 * stored). In the database rather than in memory, so that a sign-out on one server ends the session on every
 * server of the same database. Not a port of the core: SCIM rules never read it. *
 * <p>Safe for concurrent use. Each call is a transaction of its own, or joins the calling thread's running
 * {@link RosterDatabase#transactions()} unit.
 *
 * <pre>{@code
 * sessions.create(new AdminSessions.Session(hash, now, now, now.plus(Duration.ofHours(8))));
 * sessions.find(hash).filter(session -> session.expiresAt().isAfter(now));
 * }</pre>
 */
public final class AdminSessions {

    private final Sessions sessions;

    AdminSessions(Sessions sessions) {
        this.sessions = sessions;
    }

    /**
     * A stored session: when it began, when it was last used (to the precision the caller touches it) and ends.
     * Times are kept to the millisecond.
     *
     * @param idHash     the hash of the session's id, which is the caller's to compute; the id is never stored
     * @param createdAt  when the administrator signed in
     * @param lastSeenAt when the session was last used
     * @param expiresAt  when it ends, used or not
     */
    public record Session(String idHash, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

        /**
         * Checks that no component is null.
         *
         * @param idHash     the hash of the session's id, which is the caller's to compute; the id is never stored
         * @param createdAt  when the administrator signed in
         * @param lastSeenAt when the session was last used
         * @param expiresAt  when it ends, used or not
         * @throws NullPointerException for a null component
         */
        public Session {
            Objects.requireNonNull(idHash, "idHash");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastSeenAt, "lastSeenAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Stores a new session.
     *
     * @param session the session
     * @throws RosterStorageException if the database fails
     */
    public void create(Session session) {
        AdminSessionRow row = new AdminSessionRow(session.idHash(), session.createdAt().toEpochMilli(),
                session.lastSeenAt().toEpochMilli(), session.expiresAt().toEpochMilli());
        sessions.write(sql -> {
            sql.getMapper(AdminSessionMapper.class).insert(row);
            return null;
        });
    }

    /**
     * The session of that hash, ended or not: whether it still counts is the caller's rule.
     *
     * @param idHash the hash of the session's id
     * @return the stored session; empty if there is none
     */
    public Optional<Session> find(String idHash) {
        return sessions.read(session -> session.getMapper(AdminSessionMapper.class).find(idHash))
                .map(row -> new Session(row.idHash(), Instant.ofEpochMilli(row.createdAt()),
                        Instant.ofEpochMilli(row.lastSeenAt()), Instant.ofEpochMilli(row.expiresAt())));
    }

    /**
     * Records a use of the session; never moves its last use back.
     *
     * @param idHash the hash of the session's id; an unknown one changes nothing
     * @param at     when it was used
     */
    public void touch(String idHash, Instant at) {
        sessions.write(session -> {
            session.getMapper(AdminSessionMapper.class).touch(idHash, at.toEpochMilli());
            return null;
        });
    }

    /**
     * Ends a session, as a sign-out does.
     *
     * @param idHash the hash of the session's id; an unknown one changes nothing
     */
    public void delete(String idHash) {
        sessions.write(session -> {
            session.getMapper(AdminSessionMapper.class).delete(idHash);
            return null;
        });
    }

    /** Ends every session, as a changed admin password must. */
    public void deleteAll() {
        sessions.write(session -> {
            session.getMapper(AdminSessionMapper.class).deleteAll();
            return null;
        });
    }

    /**
     * Removes sessions that expired by {@code now} or were last used at or before {@code idleSince}.
     *
     * @param now       the time now
     * @param idleSince the last use before which a session counts as idle
     */
    public void deleteEnded(Instant now, Instant idleSince) {
        sessions.write(session -> {
            session.getMapper(AdminSessionMapper.class).deleteEnded(now.toEpochMilli(), idleSince.toEpochMilli());
            return null;
        });
    }
}
