-- Settings of the application embedding Roster that belong with its data, such as the reference server's admin
-- password hash. Never a secret in clear.
CREATE TABLE server_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The audit trail is read newest first by time, then by append order (a record can be appended a moment after a
-- later-stamped one when two writers queue for the lock).
CREATE INDEX audit_log_recent ON audit_log (site, at DESC, id DESC);
CREATE INDEX audit_log_user_recent ON audit_log (site, user_id, at DESC, id DESC);

-- The id-ordered audit indexes of migrations 1 and 2 serve no query any more; every appended record paid for them.
DROP INDEX audit_log_site;
DROP INDEX audit_log_user;
