package dev.roster.scim.core.testing;

class InMemoryTransactionsContractTest extends TransactionsContract {

    @Override
    protected Stores createStores() {
        return Stores.inMemory();
    }
}
