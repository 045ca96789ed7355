-- The side-car outbox (ADR 022), as SQLite's V8: the account changes Roster must still tell a host application whose
-- accounts live outside Roster's database. A row is written in the transaction of the user change it comes from and
-- deleted once the host accepted it. Each row holds the account's whole state at that user version, so delivering it
-- twice, or after a newer one, is harmless. Times are epoch milliseconds.
CREATE TABLE account_outbox (
    seq          BIGINT  GENERATED ALWAYS AS IDENTITY,
    change_id    TEXT    COLLATE "C" NOT NULL,
    site         TEXT    COLLATE "C" NOT NULL,
    user_id      TEXT    COLLATE "C" NOT NULL,
    user_name    TEXT    NOT NULL,
    email        TEXT,
    active       BOOLEAN NOT NULL,
    role         TEXT    COLLATE "C" NOT NULL,
    version      BIGINT  NOT NULL,
    changed_at   BIGINT  NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    due_at       BIGINT  NOT NULL,
    last_failure TEXT,
    CONSTRAINT account_outbox_pkey PRIMARY KEY (seq),
    CONSTRAINT account_outbox_change_id UNIQUE (change_id)
);

-- The relay's question: what is due now, oldest first.
CREATE INDEX account_outbox_due ON account_outbox (due_at, seq);
