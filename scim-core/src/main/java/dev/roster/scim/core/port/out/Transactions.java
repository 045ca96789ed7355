package dev.roster.scim.core.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case's writes as one unit: all of them commit, or none does (an exception rolls back and propagates).
 * A call inside a running unit joins it. {@code dev.roster.scim.testkit.TransactionsContract} (roster-testkit) pins
 * the behaviour down.
 *
 * <p>The unit belongs to the calling thread: the stores' writes on that thread join it, and its reads see its own
 * writes. Implemented by persistence-mybatis ({@code RosterDatabase.transactions()}) and the testkit's
 * {@code InMemoryTransactions} (which restores snapshots of the in-memory stores); a host that implements the
 * stores itself (the full-store way) implements it over the same connections. The use cases call it from many
 * threads at once; each thread has its own unit.
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

    /**
     * Runs {@code work} as one unit, or as part of the unit already running on this thread.
     *
     * @param work the reads and writes to run; what it throws rolls the whole unit back (the outer one too, when
     *             joined) and reaches the caller unchanged
     * @param <T>  what the work returns
     * @return what {@code work} returned, after the unit committed (or, joined, once the work ran)
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * {@link #inTransaction} for work that returns nothing.
     *
     * @param work the reads and writes to run as one unit
     */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
