package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.testkit.SiteStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The core's site-store contract on a real PostgreSQL database. */
class PostgresSiteStoreContractTest extends SiteStoreContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected SiteStore createStore() {
        return databases.fresh().siteStore();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
