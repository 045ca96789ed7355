package dev.roster.scim.core.port.out;

import java.security.SecureRandom;

/**
 * The secret that signs paging cursors (RFC 9865). Every server that shares a database must answer the same key, so
 * that a cursor minted by one is good on the others; a store keeps it beside the users, generated once.
 * persistence-mybatis's {@code RosterDatabase.cursorKeys()} does so; {@code ScimUsersService} takes it and reads it
 * once, at its first cursor. Anyone holding the key can forge cursors: keep it as secret as the database.
 *
 * <pre>{@code
 * CursorKeys keys = database.cursorKeys();     // shared by every server on the database
 * CursorKeys local = CursorKeys.ephemeral();   // one process only: cursors die with it
 * }</pre>
 */
@FunctionalInterface
public interface CursorKeys {

    /**
     * The HMAC-SHA256 key, at least 32 bytes; the same on every call.
     *
     * @return the key's bytes; a caller may keep them but must not change them
     */
    byte[] cursorKey();

    /**
     * A random key of this process alone, for embedders without a shared store: a cursor is refused
     * ({@code 400 invalidCursor}) by another server or after a restart.
     *
     * @return keys of 32 random bytes, drawn once; each call of {@link #cursorKey()} returns a copy
     */
    static CursorKeys ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key::clone;
    }
}
