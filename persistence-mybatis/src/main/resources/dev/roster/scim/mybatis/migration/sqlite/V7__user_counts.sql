-- How many users each site has, by hidden and pending flag, so that totalResults of a search without a filter
-- (and count=0) reads one row per flag pair instead of counting the site's rows. Triggers keep the counts in the
-- transaction of the very statement that inserts, hides, restores, marks or deletes a user, batches included.
CREATE TABLE user_counts (
    site    TEXT    NOT NULL,
    hidden  INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    users   INTEGER NOT NULL,
    PRIMARY KEY (site, hidden, pending)
) STRICT, WITHOUT ROWID;

INSERT INTO user_counts (site, hidden, pending, users)
SELECT site, hidden, pending, COUNT(*) FROM users GROUP BY site, hidden, pending;

CREATE TRIGGER user_counts_insert AFTER INSERT ON users
BEGIN
    INSERT INTO user_counts (site, hidden, pending, users) VALUES (NEW.site, NEW.hidden, NEW.pending, 1)
    ON CONFLICT (site, hidden, pending) DO UPDATE SET users = users + 1;
END;

CREATE TRIGGER user_counts_delete AFTER DELETE ON users
BEGIN
    UPDATE user_counts SET users = users - 1
    WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending;
END;

CREATE TRIGGER user_counts_update AFTER UPDATE OF site, hidden, pending ON users
WHEN OLD.site <> NEW.site OR OLD.hidden <> NEW.hidden OR OLD.pending <> NEW.pending
BEGIN
    UPDATE user_counts SET users = users - 1
    WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending;
    INSERT INTO user_counts (site, hidden, pending, users) VALUES (NEW.site, NEW.hidden, NEW.pending, 1)
    ON CONFLICT (site, hidden, pending) DO UPDATE SET users = users + 1;
END;
