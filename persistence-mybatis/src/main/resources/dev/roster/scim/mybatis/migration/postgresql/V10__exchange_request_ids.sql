-- The request id of each inspector exchange (X-Request-Id, also in the access log), so that an IdP admin can match a
-- log line to an exchange (issue 14 follow-up, ADR 031). NULL for exchanges kept before this migration.
ALTER TABLE scim_exchanges ADD COLUMN request_id TEXT;
