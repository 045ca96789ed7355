-- A site's rate limits (ADR 024), in their written form ('600/min', '600/min,burst=50'); NULL: no limit.
ALTER TABLE sites ADD COLUMN site_rate_limit TEXT;
ALTER TABLE sites ADD COLUMN token_rate_limit TEXT;

-- The buckets every server on this database shares, one row per site or token that had traffic under a limit: the
-- instant (microseconds of the database's clock) at which the bucket is full again, pushed one interval on by
-- each admitted request (the generic cell rate algorithm, a token bucket in one number). A row whose instant has
-- passed says no more than an absent one, so such rows are deleted now and then.
CREATE TABLE rate_limit_buckets (
    bucket  TEXT   COLLATE "C" NOT NULL,
    full_at BIGINT NOT NULL,
    CONSTRAINT rate_limit_buckets_pkey PRIMARY KEY (bucket)
);
