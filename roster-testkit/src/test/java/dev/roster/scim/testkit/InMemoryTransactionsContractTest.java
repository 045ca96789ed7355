package dev.roster.scim.testkit;

class InMemoryTransactionsContractTest extends TransactionsContract {

    @Override
    protected Stores createStores() {
        return Stores.inMemory();
    }
}
