-- Every table is keyed by site: no statement can reach another site's rows without naming it.
-- Timestamps are epoch milliseconds (the core truncates instants to milliseconds).

CREATE TABLE sites (
    site             TEXT    NOT NULL PRIMARY KEY,
    sso_configured   INTEGER NOT NULL,
    scim_enabled     INTEGER NOT NULL,
    manage_roles     INTEGER NOT NULL,
    token_hash       TEXT,
    token_created_at INTEGER
) STRICT;

-- Typed columns for what filters and sorts reach; *_folded hold CaseFolding.fold of the text, computed in Java,
-- so that SQL compares case-insensitively exactly as the core does. document is the JSON of the rest.
CREATE TABLE users (
    site                TEXT    NOT NULL,
    id                  TEXT    NOT NULL,
    user_name           TEXT    NOT NULL,
    user_name_folded    TEXT    NOT NULL,
    external_id         TEXT,
    display_name        TEXT,
    display_name_folded TEXT,
    given_name          TEXT,
    given_name_folded   TEXT,
    family_name         TEXT,
    family_name_folded  TEXT,
    active              INTEGER NOT NULL,
    role                TEXT    NOT NULL,
    idp_active          INTEGER,
    last_changed_by     TEXT    NOT NULL,
    claimed_by_idp      INTEGER NOT NULL,
    hidden              INTEGER NOT NULL,
    version             INTEGER NOT NULL,
    created             INTEGER NOT NULL,
    last_modified       INTEGER NOT NULL,
    document            TEXT    NOT NULL,
    PRIMARY KEY (site, id)
) STRICT;

CREATE UNIQUE INDEX users_user_name ON users (site, user_name_folded);
CREATE INDEX users_external_id ON users (site, external_id);

CREATE TABLE user_emails (
    site         TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    value        TEXT    NOT NULL,
    value_folded TEXT    NOT NULL,
    type         TEXT,
    type_folded  TEXT,
    is_primary   INTEGER NOT NULL,
    display      TEXT,
    PRIMARY KEY (site, user_id, position),
    FOREIGN KEY (site, user_id) REFERENCES users (site, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX user_emails_value ON user_emails (site, value_folded);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    site      TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    user_name TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    before    TEXT,
    after     TEXT,
    detail    TEXT    NOT NULL,
    at        INTEGER NOT NULL
) STRICT;

CREATE INDEX audit_log_site ON audit_log (site, id);
