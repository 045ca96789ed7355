package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.testkit.UserStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The core's user-store contract, filter corpus included, on a real PostgreSQL database. */
class PostgresUserStoreContractTest extends UserStoreContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    private RosterDatabase database;

    @Override
    protected UserStore createStore() {
        database = databases.fresh();
        return database.userStore();
    }

    /** The database's own audit log, so that {@code updateRecorded} is tested on the path that writes with it. */
    @Override
    protected AuditLog createAuditLog() {
        return database.auditLog();
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
