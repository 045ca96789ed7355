package dev.roster.scim.server.idp;

import dev.roster.scim.server.support.TestServer;

/** Every IdP scenario of {@link IdpReplayTest}, on a server whose database is PostgreSQL. */
class PostgresIdpReplayTest extends IdpReplayTest {

    @Override
    TestServer start() {
        return TestServer.start(TestServer.options(TestServer.newPostgresDatabase()));
    }
}
