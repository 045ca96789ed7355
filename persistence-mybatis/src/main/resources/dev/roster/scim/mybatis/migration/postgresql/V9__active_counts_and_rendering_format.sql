-- user_counts by active too (ADR 030), so that totalResults of filter=active eq true|false reads at most four rows
-- instead of counting every match; the trigger function follows active like hidden and pending. The new counts come
-- from the old ones and the inactive users only (a range of users_active per site), not from a scan of every user.
-- The lock keeps writers out between reading the old counts and the new triggers (servers of before run meanwhile).
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE user_counts_by_active (
    site    TEXT    COLLATE "C" NOT NULL,
    hidden  BOOLEAN NOT NULL,
    pending BOOLEAN NOT NULL,
    active  BOOLEAN NOT NULL,
    users   BIGINT  NOT NULL,
    CONSTRAINT user_counts_by_active_pkey PRIMARY KEY (site, hidden, pending, active)
);

INSERT INTO user_counts_by_active (site, hidden, pending, active, users)
SELECT u.site, u.hidden, u.pending, FALSE, COUNT(*) FROM users u
WHERE u.site IN (SELECT DISTINCT site FROM user_counts) AND NOT u.active
GROUP BY u.site, u.hidden, u.pending;

INSERT INTO user_counts_by_active (site, hidden, pending, active, users)
SELECT c.site, c.hidden, c.pending, TRUE, c.users - COALESCE((SELECT i.users FROM user_counts_by_active i
    WHERE i.site = c.site AND i.hidden = c.hidden AND i.pending = c.pending AND NOT i.active), 0)
FROM user_counts c;

DROP TRIGGER user_counts_insert_delete ON users;
DROP TRIGGER user_counts_update ON users;
DROP FUNCTION user_counts_follow();
DROP TABLE user_counts;
ALTER TABLE user_counts_by_active RENAME TO user_counts;
ALTER TABLE user_counts RENAME CONSTRAINT user_counts_by_active_pkey TO user_counts_pkey;

CREATE FUNCTION user_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE user_counts SET users = users - 1
        WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending AND active = OLD.active;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO user_counts (site, hidden, pending, active, users)
        VALUES (NEW.site, NEW.hidden, NEW.pending, NEW.active, 1)
        ON CONFLICT (site, hidden, pending, active) DO UPDATE SET users = user_counts.users + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER user_counts_insert_delete AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION user_counts_follow();

CREATE TRIGGER user_counts_update AFTER UPDATE OF site, hidden, pending, active ON users
    FOR EACH ROW WHEN (OLD.site IS DISTINCT FROM NEW.site OR OLD.hidden IS DISTINCT FROM NEW.hidden
                       OR OLD.pending IS DISTINCT FROM NEW.pending OR OLD.active IS DISTINCT FROM NEW.active)
    EXECUTE FUNCTION user_counts_follow();

-- The format of scim_json (ADR 030): a rendering is served only when its format is the one this Roster writes.
-- Renderings stored so far are format 1; a Roster that changes what it renders writes 2, and rows of format 1 are
-- rendered from the row until their next write.
ALTER TABLE users ADD COLUMN scim_format INTEGER NOT NULL DEFAULT 1;
