package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.testkit.AuditLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The core's audit-log contract on a real SQLite file. */
class SqliteAuditLogContractTest extends AuditLogContract {

    @TempDir
    Path directory;

    private final SqliteDatabases databases = new SqliteDatabases();

    @Override
    protected AuditLog createAuditLog() {
        return databases.fresh(directory).auditLog();
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
