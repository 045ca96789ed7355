package dev.roster.scim.core.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case's writes as one unit: all of them commit, or none does (an exception rolls back and propagates).
 * A call inside a running unit joins it. {@code TransactionsContract} (core test-jar) pins the behaviour down.
 *
 * <pre>{@code
 * User stored = transactions.inTransaction(() -> {
 *     userStore.update(site, next, current.version());
 *     auditLog.append(record);
 *     return next;
 * });
 * }</pre>
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
