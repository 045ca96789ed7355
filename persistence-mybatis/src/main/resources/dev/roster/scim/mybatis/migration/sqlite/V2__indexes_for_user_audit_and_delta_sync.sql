-- A user's audit trail, newest first, without scanning the site's whole log.
CREATE INDEX audit_log_user ON audit_log (site, user_id, id);

-- "meta.lastModified gt ..." is how a client fetches what changed since its last sync.
CREATE INDEX users_last_modified ON users (site, last_modified);
