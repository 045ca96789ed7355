package dev.roster.scim.mybatis.contract;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.testkit.AuditLogContract;
import org.junit.jupiter.api.AfterEach;

/** The core's audit-log contract on a real PostgreSQL database. */
class PostgresAuditLogContractTest extends AuditLogContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected AuditLog createAuditLog() {
        return databases.fresh().auditLog();
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
