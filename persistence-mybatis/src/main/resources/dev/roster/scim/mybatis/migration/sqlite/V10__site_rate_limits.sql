-- A site's rate limits (ADR 024), in their written form ('600/min', '600/min,burst=50'); NULL: no limit. One server
-- on SQLite keeps the buckets in memory, so there is no bucket table here.
ALTER TABLE sites ADD COLUMN site_rate_limit TEXT;
ALTER TABLE sites ADD COLUMN token_rate_limit TEXT;
