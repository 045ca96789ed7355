-- Roster's schema on PostgreSQL: the tables of SQLite's migrations 1 to 6, as they stand after migration 6.
-- PostgreSQL's migrations are numbered on their own (docs/adr/016); a later change adds a file to each set.
--
-- Every table is keyed by site: no statement can reach another site's rows without naming it.
-- Timestamps are epoch milliseconds (BIGINT), as on SQLite. Text that filters compare or sort by is COLLATE "C":
-- code point order, as the core compares (CaseFolding.CODE_POINT_ORDER) and as SQLite's BINARY does, whatever the
-- database's default collation; LIKE on a "C" column can use a B-tree index for its prefix.
-- *_folded hold CaseFolding.fold of the text, *_key IdentifierProfile.key, both computed in Java (ADR 003, 014).
-- Constraint names are fixed: StorageFailures recognises a violated one by its name.

CREATE TABLE sites (
    site             TEXT    COLLATE "C" NOT NULL,
    sso_configured   BOOLEAN NOT NULL,
    scim_enabled     BOOLEAN NOT NULL,
    manage_roles     BOOLEAN NOT NULL,
    token_hash       TEXT,
    token_created_at BIGINT,
    creation_policy  TEXT,
    CONSTRAINT sites_pkey PRIMARY KEY (site)
);

CREATE TABLE users (
    site                TEXT    COLLATE "C" NOT NULL,
    id                  TEXT    COLLATE "C" NOT NULL,
    user_name           TEXT    NOT NULL,
    user_name_key       TEXT    COLLATE "C" NOT NULL,
    user_name_duplicate INTEGER NOT NULL DEFAULT 0,
    external_id         TEXT    COLLATE "C",
    display_name        TEXT,
    display_name_folded TEXT    COLLATE "C",
    given_name          TEXT,
    given_name_folded   TEXT    COLLATE "C",
    family_name         TEXT,
    family_name_folded  TEXT    COLLATE "C",
    active              BOOLEAN NOT NULL,
    role                TEXT    COLLATE "C" NOT NULL,
    idp_active          BOOLEAN,
    last_changed_by     TEXT    NOT NULL,
    claimed_by_idp      BOOLEAN NOT NULL,
    hidden              BOOLEAN NOT NULL,
    pending             BOOLEAN NOT NULL DEFAULT FALSE,
    version             BIGINT  NOT NULL,
    created             BIGINT  NOT NULL,
    last_modified       BIGINT  NOT NULL,
    document            TEXT    NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (site, id)
);

CREATE UNIQUE INDEX users_user_name ON users (site, user_name_key, user_name_duplicate);
CREATE INDEX users_external_id ON users (site, external_id);
-- "meta.lastModified gt ..." is how a client fetches what changed since its last sync.
CREATE INDEX users_last_modified ON users (site, last_modified);
-- The admin's list of pending identities, in userName order, without reading the accounts.
CREATE INDEX users_pending ON users (site, user_name_key, id) WHERE pending;

CREATE TABLE user_emails (
    site        TEXT    COLLATE "C" NOT NULL,
    user_id     TEXT    COLLATE "C" NOT NULL,
    position    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    value_key   TEXT    COLLATE "C" NOT NULL,
    type        TEXT,
    type_folded TEXT    COLLATE "C",
    is_primary  BOOLEAN NOT NULL,
    display     TEXT,
    CONSTRAINT user_emails_pkey PRIMARY KEY (site, user_id, position),
    CONSTRAINT user_emails_user FOREIGN KEY (site, user_id) REFERENCES users (site, id) ON DELETE CASCADE
);

CREATE INDEX user_emails_value ON user_emails (site, value_key);

CREATE TABLE audit_log (
    id        BIGINT  GENERATED ALWAYS AS IDENTITY,
    site      TEXT    COLLATE "C" NOT NULL,
    user_id   TEXT    COLLATE "C" NOT NULL,
    user_name TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    before    TEXT,
    after     TEXT,
    detail    TEXT    NOT NULL,
    at        BIGINT  NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

-- The audit trail is read newest first by time, then by append order.
CREATE INDEX audit_log_recent ON audit_log (site, at DESC, id DESC);
CREATE INDEX audit_log_user_recent ON audit_log (site, user_id, at DESC, id DESC);

-- Settings of the application embedding Roster that belong with its data, such as the reference server's admin
-- password hash. Never a secret in clear.
CREATE TABLE server_settings (
    name  TEXT COLLATE "C" NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT server_settings_pkey PRIMARY KEY (name)
);

-- Sessions of the embedding application's administrators, shared by every server on the database. Only the
-- SHA-256 of a session id is stored.
CREATE TABLE admin_sessions (
    id_hash      TEXT   COLLATE "C" NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    CONSTRAINT admin_sessions_pkey PRIMARY KEY (id_hash)
);
CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);

-- Failed sign-ins per client address, as one "next free" instant per address (GCRA), for every server alike.
CREATE TABLE sign_in_failures (
    client       TEXT   COLLATE "C" NOT NULL,
    next_free_at BIGINT NOT NULL,
    CONSTRAINT sign_in_failures_pkey PRIMARY KEY (client)
);
CREATE INDEX sign_in_failures_next_free ON sign_in_failures (next_free_at);
