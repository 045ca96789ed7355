package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.Accounts;

class InMemoryAccountsContractTest extends AccountsContract {

    @Override
    protected Accounts createAccounts() {
        return new InMemoryAccounts();
    }
}
