-- The side-car outbox (ADR 022): the account changes Roster must still tell a host application whose accounts live
-- outside Roster's database. A row is written in the transaction of the user change it comes from and deleted once
-- the host accepted it, so a change exists exactly when its user change committed and survives a crash until it is
-- delivered. Each row holds the account's whole state at that user version (not a difference): delivering it twice,
-- or after a newer one, is harmless. Times are epoch milliseconds.
CREATE TABLE account_outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id    TEXT    NOT NULL UNIQUE,
    site         TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    email        TEXT,
    active       INTEGER NOT NULL,
    role         TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    due_at       INTEGER NOT NULL,
    last_failure TEXT
) STRICT;

-- The relay's question: what is due now, oldest first.
CREATE INDEX account_outbox_due ON account_outbox (due_at, seq);
