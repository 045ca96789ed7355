-- Settings of the application embedding Roster that belong with its data, such as the reference server's admin
-- password hash. Never a secret in clear.
CREATE TABLE server_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
