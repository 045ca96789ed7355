package dev.roster.scim.server.e2e;

import dev.roster.scim.server.support.TestServer;

/** {@link ConcurrentPatchesTest} on a server whose database is PostgreSQL. */
class PostgresConcurrentPatchesTest extends ConcurrentPatchesTest {

    @Override
    TestServer start() {
        return TestServer.start(TestServer.options(TestServer.newPostgresDatabase()));
    }
}
