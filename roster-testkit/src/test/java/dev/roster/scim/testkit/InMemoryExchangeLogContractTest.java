package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.ExchangeLog;

class InMemoryExchangeLogContractTest extends ExchangeLogContract {

    @Override
    protected ExchangeLog createLog() {
        return new InMemoryExchangeLog();
    }
}
