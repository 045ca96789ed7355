package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.AccountChange;
import dev.roster.scim.core.port.out.AccountOutbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link AccountOutbox} in a map kept in append order; takes part in {@link InMemoryTransactions}. */
public final class InMemoryAccountOutbox implements AccountOutbox, Restorable {

    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    private record Waiting(AccountChange change, int attempts, Instant dueAt, String failure) {
    }

    @Override
    public synchronized void append(AccountChange change) {
        waiting.put(change.id(), new Waiting(change, 0, change.at(), ""));
    }

    @Override
    public synchronized List<Entry> due(Instant now, int limit) {
        return waiting.values().stream()
                .filter(entry -> !entry.dueAt().isAfter(now))
                .limit(limit)
                .map(entry -> new Entry(entry.change(), entry.attempts()))
                .toList();
    }

    @Override
    public synchronized void delivered(String changeId) {
        waiting.remove(changeId);
    }

    @Override
    public synchronized void retryLater(String changeId, int attempts, Instant nextAttempt, String failure) {
        waiting.computeIfPresent(changeId, (id, entry) -> new Waiting(entry.change(), attempts, nextAttempt, failure));
    }

    @Override
    public synchronized long pending() {
        return waiting.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<String, Waiting> copy = new LinkedHashMap<>(waiting);
        return () -> {
            synchronized (this) {
                waiting.clear();
                waiting.putAll(copy);
            }
        };
    }

    /**
     * Every waiting change in append order, for assertions.
     *
     * @return a copy of the changes not yet marked done
     */
    public synchronized List<AccountChange> changes() {
        return new ArrayList<>(waiting.values().stream().map(Waiting::change).toList());
    }
}
