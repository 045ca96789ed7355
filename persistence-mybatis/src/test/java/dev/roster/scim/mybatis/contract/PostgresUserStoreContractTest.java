package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.testkit.UserStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The core's user-store contract, filter corpus included, on a real PostgreSQL database. */
class PostgresUserStoreContractTest extends UserStoreContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected UserStore createStore() {
        return databases.fresh().userStore();
    }

    @Override
    protected SiteId createSite(String name) {
        return databases.site(name);
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
