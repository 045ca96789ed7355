package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.SiteStore;

class InMemorySiteStoreContractTest extends SiteStoreContract {

    @Override
    protected SiteStore createStore() {
        return new InMemorySiteStore();
    }
}
