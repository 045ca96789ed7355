package dev.roster.scim.testkit;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;

class InMemoryAuditLogContractTest extends AuditLogContract {

    @Override
    protected AuditLog createAuditLog() {
        return new InMemoryAuditLog();
    }

    @Override
    protected SiteId createSite(String name) {
        return SiteId.of(name);
    }
}
