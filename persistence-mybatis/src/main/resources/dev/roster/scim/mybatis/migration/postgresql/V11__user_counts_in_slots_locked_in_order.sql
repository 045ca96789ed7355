-- user_counts without a deadlock and without one hot row per site (ADR 032). V9's trigger moved a flipped user from
-- the count row it left to the one it entered, in that order: a flip true -> false locked row T then F, a flip
-- false -> true F then T, so two opposite flips of one site waited for each other until PostgreSQL aborted one
-- (40P01), and every writer of a site queued on the same rows until its commit.
--
-- Now each count is spread over 16 slots, a user's slot a hash of its id, summed at read (every reader already
-- sums the rows in scope). A flip touches the two rows of its own slot, so writers of different users mostly touch
-- different rows; and a trigger that changes two rows changes them in one fixed order (by their key), so that no two
-- writes can each hold a row the other waits for. A slot's count may go below 0 (a user counted in slot 0 before
-- this migration leaves from its own slot); only the sums mean anything.
--
-- The existing counts stay in slot 0: the new column's default is a constant (no rewrite), the new key is built on
-- a table of a few rows per site, and no statement reads users, so this takes the same moment at 1M users as at 10.
-- It commits with the new trigger function, so no writer uses the new key with the old function or the other way.
ALTER TABLE user_counts ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE user_counts DROP CONSTRAINT user_counts_pkey,
    ADD CONSTRAINT user_counts_pkey PRIMARY KEY (site, hidden, pending, active, slot);
ALTER TABLE user_counts ALTER COLUMN slot DROP DEFAULT;

CREATE FUNCTION user_counts_slot(user_id TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (hashtext(user_id) & 15)::SMALLINT
$$;

CREATE FUNCTION user_counts_add(in_site TEXT, in_hidden BOOLEAN, in_pending BOOLEAN, in_active BOOLEAN,
                                in_slot SMALLINT, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_counts (site, hidden, pending, active, slot, users)
    VALUES (in_site, in_hidden, in_pending, in_active, in_slot, delta)
    ON CONFLICT ON CONSTRAINT user_counts_pkey DO UPDATE SET users = user_counts.users + EXCLUDED.users;
END;
$$;

CREATE OR REPLACE FUNCTION user_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_slot SMALLINT;
    new_slot SMALLINT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM user_counts_add(NEW.site, NEW.hidden, NEW.pending, NEW.active, user_counts_slot(NEW.id), 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM user_counts_add(OLD.site, OLD.hidden, OLD.pending, OLD.active, user_counts_slot(OLD.id), -1);
    ELSE
        old_slot := user_counts_slot(OLD.id);
        new_slot := user_counts_slot(NEW.id);
        -- The lower key first, whichever way the user moves: every writer takes the two rows in one order.
        IF (OLD.site COLLATE "C", OLD.hidden, OLD.pending, OLD.active, old_slot)
                < (NEW.site COLLATE "C", NEW.hidden, NEW.pending, NEW.active, new_slot) THEN
            PERFORM user_counts_add(OLD.site, OLD.hidden, OLD.pending, OLD.active, old_slot, -1);
            PERFORM user_counts_add(NEW.site, NEW.hidden, NEW.pending, NEW.active, new_slot, 1);
        ELSE
            PERFORM user_counts_add(NEW.site, NEW.hidden, NEW.pending, NEW.active, new_slot, 1);
            PERFORM user_counts_add(OLD.site, OLD.hidden, OLD.pending, OLD.active, old_slot, -1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
