package dev.roster.scim.server.e2e;

import dev.roster.scim.server.support.ScimReadyServer;

/** The whole {@link ProvisioningStoryTest}, on a server whose database is PostgreSQL. */
class PostgresProvisioningStoryTest extends ProvisioningStoryTest {

    @Override
    ScimReadyServer story() {
        return ScimReadyServer.onPostgres().withoutSite();
    }
}
