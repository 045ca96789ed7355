-- Sessions of the embedding application's administrators (the reference server's admin page), kept in the
-- database so that every server on it sees a sign-in and a sign-out. Only the SHA-256 of a session id is stored:
-- whoever reads this table cannot use a session. Times are epoch milliseconds.
CREATE TABLE admin_sessions (
    id_hash      TEXT    NOT NULL PRIMARY KEY,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);

-- Failed sign-ins per client address, as one "next free" instant per address (the generic cell rate algorithm):
-- each failure pushes it one interval past max(it, now), and a client whose instant lies too far ahead is refused
-- without hashing. A row whose instant has passed means no recent failure and is deleted.
CREATE TABLE sign_in_failures (
    client       TEXT    NOT NULL PRIMARY KEY,
    next_free_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_next_free ON sign_in_failures (next_free_at);
