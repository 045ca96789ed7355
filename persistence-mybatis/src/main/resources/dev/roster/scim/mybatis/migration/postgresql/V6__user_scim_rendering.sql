-- Each user's SCIM representation (the default attribute set, without meta.location) as compact JSON text, written
-- with the row by every insert and update, so that a page without a projection is served from it (ADR 026). Rows
-- from before this migration hold NULL until their next write; readers render those from the row meanwhile.
ALTER TABLE users ADD COLUMN scim_json TEXT;
