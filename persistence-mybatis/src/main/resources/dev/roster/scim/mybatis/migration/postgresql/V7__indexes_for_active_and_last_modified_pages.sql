-- Pages that a million users must not slow down (issue 12, ADR 027); the same indexes as SQLite V12.
-- `active eq true|false` in id order: equality on (site, active, hidden) leaves the index in id order, so a page of
-- 100 (and a keyset page after any id) reads 100 entries instead of walking every user of the site.
CREATE INDEX users_active ON users (site, active, hidden, id);

-- `meta.lastModified gt "..."` and pages sorted by meta.lastModified: with id as the last column the index yields the
-- whole ORDER BY (last_modified, id), so neither needs a sort of all the matches.
DROP INDEX users_last_modified;
CREATE INDEX users_last_modified ON users (site, last_modified, id);
