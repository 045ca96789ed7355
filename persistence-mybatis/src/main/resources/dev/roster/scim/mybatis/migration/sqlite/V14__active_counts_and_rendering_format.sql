-- user_counts by active too (ADR 030), so that totalResults of filter=active eq true|false reads at most four rows
-- instead of counting every match; the triggers follow active like hidden and pending. The new counts come from the
-- old ones and the inactive users only (a range of users_active per site), not from a scan of every user: at a
-- million users that scan made the upgrade's first start take minutes.
CREATE TABLE user_counts_by_active (
    site    TEXT    NOT NULL,
    hidden  INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    active  INTEGER NOT NULL,
    users   INTEGER NOT NULL,
    PRIMARY KEY (site, hidden, pending, active)
) STRICT, WITHOUT ROWID;

INSERT INTO user_counts_by_active (site, hidden, pending, active, users)
SELECT u.site, u.hidden, u.pending, 0, COUNT(*) FROM users u
WHERE u.site IN (SELECT DISTINCT site FROM user_counts) AND u.active = 0
GROUP BY u.site, u.hidden, u.pending;

INSERT INTO user_counts_by_active (site, hidden, pending, active, users)
SELECT c.site, c.hidden, c.pending, 1, c.users - COALESCE((SELECT i.users FROM user_counts_by_active i
    WHERE i.site = c.site AND i.hidden = c.hidden AND i.pending = c.pending AND i.active = 0), 0)
FROM user_counts c;

DROP TRIGGER user_counts_insert;
DROP TRIGGER user_counts_delete;
DROP TRIGGER user_counts_update;
DROP TABLE user_counts;
ALTER TABLE user_counts_by_active RENAME TO user_counts;

CREATE TRIGGER user_counts_insert AFTER INSERT ON users
BEGIN
    INSERT INTO user_counts (site, hidden, pending, active, users)
    VALUES (NEW.site, NEW.hidden, NEW.pending, NEW.active, 1)
    ON CONFLICT (site, hidden, pending, active) DO UPDATE SET users = users + 1;
END;

CREATE TRIGGER user_counts_delete AFTER DELETE ON users
BEGIN
    UPDATE user_counts SET users = users - 1
    WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending AND active = OLD.active;
END;

CREATE TRIGGER user_counts_update AFTER UPDATE OF site, hidden, pending, active ON users
WHEN OLD.site <> NEW.site OR OLD.hidden <> NEW.hidden OR OLD.pending <> NEW.pending OR OLD.active <> NEW.active
BEGIN
    UPDATE user_counts SET users = users - 1
    WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending AND active = OLD.active;
    INSERT INTO user_counts (site, hidden, pending, active, users)
    VALUES (NEW.site, NEW.hidden, NEW.pending, NEW.active, 1)
    ON CONFLICT (site, hidden, pending, active) DO UPDATE SET users = users + 1;
END;

-- The format of scim_json (ADR 030): a rendering is served only when its format is the one this Roster writes.
-- Renderings stored so far are format 1; a Roster that changes what it renders writes 2, and rows of format 1 are
-- rendered from the row until their next write.
ALTER TABLE users ADD COLUMN scim_format INTEGER NOT NULL DEFAULT 1;
