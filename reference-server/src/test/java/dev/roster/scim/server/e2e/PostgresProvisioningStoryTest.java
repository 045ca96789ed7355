package dev.roster.scim.server.e2e;

import dev.roster.scim.server.support.TestServer;

/** The whole {@link ProvisioningStoryTest}, on a server whose database is PostgreSQL. */
class PostgresProvisioningStoryTest extends ProvisioningStoryTest {

    @Override
    TestServer start() {
        return TestServer.start(TestServer.options(TestServer.newPostgresDatabase()));
    }
}
