-- Several SCIM bearer tokens per site (ADR 023), each only as the SHA-256 of the token. expires_at NULL: until
-- revoked (a revoked token's row is deleted). last_used_at and last_used_from are written at most once a minute per
-- token, by a conditional UPDATE, so that servers sharing the database write them once a minute between them.
CREATE TABLE site_tokens (
    site           TEXT   COLLATE "C" NOT NULL,
    id             TEXT   COLLATE "C" NOT NULL,
    name           TEXT   NOT NULL,
    token_hash     TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT,
    last_used_at   BIGINT,
    last_used_from TEXT,
    CONSTRAINT site_tokens_pkey PRIMARY KEY (site, id)
);

-- A site's one token of before moves here, named 'token', and leaves the sites table.
INSERT INTO site_tokens (site, id, name, token_hash, created_at)
SELECT site, substr(md5(random()::text || site), 1, 16), 'token', token_hash, COALESCE(token_created_at, 0)
FROM sites WHERE token_hash IS NOT NULL;
ALTER TABLE sites DROP COLUMN token_hash;
ALTER TABLE sites DROP COLUMN token_created_at;

-- The request inspector: a site's last SCIM exchanges (the writer keeps 200 per site), bodies redacted and capped
-- before they get here, never a header.
CREATE TABLE scim_exchanges (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY,
    site          TEXT    COLLATE "C" NOT NULL,
    at            BIGINT  NOT NULL,
    method        TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    idp           TEXT    NOT NULL,
    request_body  TEXT,
    response_body TEXT,
    CONSTRAINT scim_exchanges_pkey PRIMARY KEY (id)
);
CREATE INDEX scim_exchanges_recent ON scim_exchanges (site, id DESC);
