package dev.roster.scim.core.port.out;

import java.security.SecureRandom;

/**
 * The secret that signs paging cursors (RFC 9865). Every server that shares a database must answer the same key, so
 * that a cursor minted by one is good on the others; a store keeps it beside the users, generated once.
 *
 * <pre>{@code
 * CursorKeys keys = database.cursorKeys();     // shared by every server on the database
 * CursorKeys local = CursorKeys.ephemeral();   // one process only: cursors die with it
 * }</pre>
 */
@FunctionalInterface
public interface CursorKeys {

    /** The HMAC-SHA256 key, at least 32 bytes; the same on every call. */
    byte[] cursorKey();

    /** A random key of this process alone, for embedders without a shared store. */
    static CursorKeys ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key::clone;
    }
}
