package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.Transactions;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link Transactions} over in-memory stores that really roll back: each outermost unit snapshots its participants
 * and restores them if the work throws. Units run one at a time (like SQLite's single writer), so a rollback never
 * undoes another unit's work; a unit started inside a running one on the same thread joins it.
 *
 * <pre>{@code
 * InMemoryTransactions transactions = new InMemoryTransactions(userStore, siteStore, auditLog);
 * }</pre>
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Restorable> participants;
    private int commits;
    private int rollbacks;

    /**
     * Units of work over these stores: each unit snapshots them all first and puts them back if it fails.
     *
     * @param participants the in-memory stores that roll back together
     */
    public InMemoryTransactions(Restorable... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        lock.lock();
        try {
            List<Runnable> restorers = participants.stream().map(Restorable::snapshot).toList();
            try {
                T result = work.get();
                commits++;
                return result;
            } catch (RuntimeException | Error e) {
                restorers.forEach(Runnable::run);
                rollbacks++;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many outermost units committed.
     *
     * @return the count since construction; nested units are part of their outermost one
     */
    public int commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many outermost units rolled back.
     *
     * @return the count since construction; nested units are part of their outermost one
     */
    public int rollbacks() {
        lock.lock();
        try {
            return rollbacks;
        } finally {
            lock.unlock();
        }
    }
}
