package dev.roster.scim.core.testing;

class InMemoryAccountOutboxContractTest extends AccountOutboxContract {

    @Override
    protected OutboxStores createOutbox() {
        InMemoryAccountOutbox outbox = new InMemoryAccountOutbox();
        return new OutboxStores(outbox, new InMemoryTransactions(outbox));
    }
}
