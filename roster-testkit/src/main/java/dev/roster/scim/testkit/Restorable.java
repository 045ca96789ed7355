package dev.roster.scim.testkit;

/** In-memory state that {@link InMemoryTransactions} can put back as it was when a transaction began. */
public interface Restorable {

    /** Captures the current state; running the returned action restores it. */
    Runnable snapshot();
}
