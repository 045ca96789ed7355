package dev.roster.scim.testkit;

class InMemoryAccountOutboxContractTest extends AccountOutboxContract {

    @Override
    protected OutboxStores createOutbox() {
        InMemoryAccountOutbox outbox = new InMemoryAccountOutbox();
        return new OutboxStores(outbox, new InMemoryTransactions(outbox));
    }
}
