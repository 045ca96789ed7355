-- A per-site version of everything admission reads (ADR 029): the settings in sites and the tokens in site_tokens.
-- Servers cache a site's settings and token hashes and check, per request, only this one value by the primary key.
-- Triggers, not the store's statements, bump it, in the transaction of the very statement that changes a setting or
-- a token, so that no write path (a later statement, a batch, a hand-run UPDATE) can change what admission sees
-- without the caches noticing. The token-use record (last_used_at, last_used_from) is bookkeeping and bumps nothing.
ALTER TABLE sites ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION sites_settings_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.settings_version := OLD.settings_version + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER sites_settings_version BEFORE UPDATE ON sites
    FOR EACH ROW EXECUTE FUNCTION sites_settings_version_bump();

-- The UPDATE of sites below goes through sites_settings_version, which makes it one step.
CREATE FUNCTION site_tokens_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE sites SET settings_version = settings_version WHERE site = OLD.site;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.site IS DISTINCT FROM OLD.site) THEN
        UPDATE sites SET settings_version = settings_version WHERE site = NEW.site;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER site_tokens_insert_delete_version AFTER INSERT OR DELETE ON site_tokens
    FOR EACH ROW EXECUTE FUNCTION site_tokens_version_bump();

CREATE TRIGGER site_tokens_update_version AFTER UPDATE OF site, id, token_hash, expires_at ON site_tokens
    FOR EACH ROW EXECUTE FUNCTION site_tokens_version_bump();
