package dev.roster.scim.testkit;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.UserStore;

class InMemoryUserStoreContractTest extends UserStoreContract {

    @Override
    protected UserStore createStore() {
        return new InMemoryUserStore();
    }

    @Override
    protected SiteId createSite(String name) {
        return SiteId.of(name);
    }
}
