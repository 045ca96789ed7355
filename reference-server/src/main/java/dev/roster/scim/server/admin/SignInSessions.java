package dev.roster.scim.server.admin;

import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.mybatis.AdminSessions;
import dev.roster.scim.mybatis.AdminSessions.Session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin page's server-side sessions. A session id is 256 random bits, handed to the browser once in a cookie
 * and stored only as its SHA-256, so a copy of the database opens no session. A session ends
 * {@link #IDLE_TIMEOUT} after its last use, {@link #LIFETIME} after sign-in whatever happens, at sign-out, and when
 * the admin password changes. Every sign-in makes a new id (and ends the one the browser presented), so an id
 * planted before sign-in is worth nothing after it.
 */
final class SignInSessions {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration LIFETIME = Duration.ofHours(8);
    /** Last use is written at most this often: a page polling every few seconds does not write on every poll. */
    static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session: its id, for the cookie only, and when it ends at the latest. */
    record Opened(String id, Instant expiresAt) {

        @Override
        public String toString() {
            return "Opened[id=redacted, expiresAt=" + expiresAt + "]";
        }
    }

    private final AdminSessions store;
    private final Clock clock;

    SignInSessions(AdminSessions store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens a new session after a successful sign-in, ending the one the browser presented, if any. */
    Opened open(Optional<String> presented) {
        Instant now = clock.instant();
        presented.ifPresent(this::close);
        store.deleteEnded(now, now.minus(IDLE_TIMEOUT));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(LIFETIME);
        store.create(new Session(hash(id), now, now, expiresAt));
        return new Opened(id, expiresAt);
    }

    /** Whether the id opens a live session; records the use. An ended session is removed. */
    boolean isLive(String id) {
        Instant now = clock.instant();
        String hash = hash(id);
        Optional<Session> found = store.find(hash);
        if (found.isEmpty()) {
            return false;
        }
        Session session = found.get();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(IDLE_TIMEOUT))) {
            store.delete(hash);
            return false;
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_PRECISION))) {
            store.touch(hash, now);
        }
        return true;
    }

    /** Ends the session on the server: the cookie's id opens nothing from now on, on any server. */
    void close(String id) {
        store.delete(hash(id));
    }

    private static String hash(String id) {
        return TokenHash.of(id).hex();
    }
}
