package dev.roster.scim.mybatis;

import dev.roster.scim.core.port.out.Transactions;

import java.util.function.Supplier;

/** {@link Transactions} on the one writer connection; see {@link Sessions} for how store calls join. */
final class MyBatisTransactions implements Transactions {

    private final Sessions sessions;

    MyBatisTransactions(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return sessions.inTransaction(work);
    }
}
