package dev.roster.scim.testkit;

/** In-memory state that {@link InMemoryTransactions} can put back as it was when a transaction began. */
public interface Restorable {

    /**
     * Captures the current state.
     *
     * @return an action that puts the state back as it is now, however it changed in between
     */
    Runnable snapshot();
}
