package dev.roster.scim.core.testing;

import dev.roster.scim.core.port.out.ExchangeLog;

class InMemoryExchangeLogContractTest extends ExchangeLogContract {

    @Override
    protected ExchangeLog createLog() {
        return new InMemoryExchangeLog();
    }
}
