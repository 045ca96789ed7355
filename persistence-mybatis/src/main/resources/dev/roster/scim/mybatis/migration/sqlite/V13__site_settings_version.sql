-- A per-site version of everything admission reads (ADR 029): the settings in sites and the tokens in site_tokens.
-- Servers cache a site's settings and token hashes and check, per request, only this one value by the primary key.
-- Triggers, not the store's statements, bump it, in the transaction of the very statement that changes a setting or
-- a token, so that no write path (a later statement, a batch, a hand-run UPDATE) can change what admission sees
-- without the caches noticing. The token-use record (last_used_at, last_used_from) is bookkeeping and bumps nothing.
ALTER TABLE sites ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0;

-- recursive_triggers is off, so the trigger's own UPDATE does not fire it again; the WHEN keeps it so if it were on.
CREATE TRIGGER sites_settings_version AFTER UPDATE ON sites
WHEN NEW.settings_version = OLD.settings_version
BEGIN
    UPDATE sites SET settings_version = OLD.settings_version + 1 WHERE site = NEW.site;
END;

CREATE TRIGGER site_tokens_insert_version AFTER INSERT ON site_tokens
BEGIN
    UPDATE sites SET settings_version = settings_version + 1 WHERE site = NEW.site;
END;

CREATE TRIGGER site_tokens_delete_version AFTER DELETE ON site_tokens
BEGIN
    UPDATE sites SET settings_version = settings_version + 1 WHERE site = OLD.site;
END;

CREATE TRIGGER site_tokens_update_version AFTER UPDATE OF site, id, token_hash, expires_at ON site_tokens
BEGIN
    UPDATE sites SET settings_version = settings_version + 1 WHERE site IN (OLD.site, NEW.site);
END;
