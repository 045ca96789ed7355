package dev.roster.scim.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The changes Roster must still tell a host whose accounts live outside Roster's transactions (another database, a
 * service). A change is appended in the same {@link Transactions} unit as the user change it comes from, so that
 * it exists exactly when that change committed, and stays until {@code AccountRelay} delivered it: no change is lost
 * between Roster's store and the host's table, even if the process dies between the commit and the delivery.
 * {@code AccountOutboxContract} (core test-jar) pins the behaviour down.
 *
 * <pre>{@code
 * transactions.run(() -> { userStore.update(site, next, version); outbox.append(change); });
 * for (AccountOutbox.Entry entry : outbox.due(clock.instant(), 100)) { ... outbox.delivered(entry.change().id()); }
 * }</pre>
 */
public interface AccountOutbox {

    /** Keeps the change for delivery, due at once; joins the running transaction. */
    void append(AccountChange change);

    /**
     * Up to {@code limit} undelivered changes whose next attempt is due at {@code now}, oldest appended first.
     */
    List<Entry> due(Instant now, int limit);

    /** Removes a delivered change; a change already removed is ignored. */
    void delivered(String changeId);

    /**
     * Records a failed delivery: the change's attempt count becomes {@code attempts} and it is not due before
     * {@code nextAttempt}. {@code failure} says why, for an operator; it never holds a secret.
     */
    void retryLater(String changeId, int attempts, Instant nextAttempt, String failure);

    /** How many changes wait for delivery, due or not. */
    long pending();

    /**
     * An undelivered change and how often its delivery failed so far.
     *
     * @param change   the change to deliver
     * @param attempts how many deliveries failed, 0 for a change never tried
     */
    record Entry(AccountChange change, int attempts) {

        public Entry {
            Objects.requireNonNull(change, "change");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
        }
    }
}
