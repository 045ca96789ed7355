-- Pending identities: users the IdP provisioned (creation policy 'pending') for people who have not signed in yet.
-- They share the users table, so the userName uniqueness and every SCIM lookup cover them; pending = 1 marks them.
ALTER TABLE users ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;

-- The admin's list of pending identities, in userName order, without reading the accounts.
CREATE INDEX users_pending ON users (site, user_name_key, id) WHERE pending = 1;

-- A site's own creation policy: 'pending', 'jit-only' or 'allow'. NULL for sites created before V6: they follow
-- the default the application configures.
ALTER TABLE sites ADD COLUMN creation_policy TEXT;
