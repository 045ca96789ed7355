package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.testkit.SiteStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's site-store contract on a real SQLite file. */
class SqliteSiteStoreContractTest extends SiteStoreContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected SiteStore createStore() {
        return databases.fresh(directory).siteStore();
    }

    @AfterEach
    void close() {
        databases.closeAll();
    }
}
