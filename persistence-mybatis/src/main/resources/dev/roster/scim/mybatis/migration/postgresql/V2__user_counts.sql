-- How many users each site has, by hidden and pending flag, so that totalResults of a search without a filter
-- (and count=0) reads one row per flag pair instead of counting the site's rows. Triggers keep the counts in the
-- transaction of the very statement that inserts, hides, restores, marks or deletes a user, batches included.
-- The count row of a site is updated by every insert of that site: concurrent inserts into one site queue on it
-- until their transactions end (ADR 020 weighs this).
CREATE TABLE user_counts (
    site    TEXT    COLLATE "C" NOT NULL,
    hidden  BOOLEAN NOT NULL,
    pending BOOLEAN NOT NULL,
    users   BIGINT  NOT NULL,
    CONSTRAINT user_counts_pkey PRIMARY KEY (site, hidden, pending)
);

INSERT INTO user_counts (site, hidden, pending, users)
SELECT site, hidden, pending, COUNT(*) FROM users GROUP BY site, hidden, pending;

CREATE FUNCTION user_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE user_counts SET users = users - 1
        WHERE site = OLD.site AND hidden = OLD.hidden AND pending = OLD.pending;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO user_counts (site, hidden, pending, users) VALUES (NEW.site, NEW.hidden, NEW.pending, 1)
        ON CONFLICT (site, hidden, pending) DO UPDATE SET users = user_counts.users + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER user_counts_insert_delete AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION user_counts_follow();

CREATE TRIGGER user_counts_update AFTER UPDATE OF site, hidden, pending ON users
    FOR EACH ROW WHEN (OLD.site IS DISTINCT FROM NEW.site OR OLD.hidden IS DISTINCT FROM NEW.hidden
                       OR OLD.pending IS DISTINCT FROM NEW.pending)
    EXECUTE FUNCTION user_counts_follow();
