package dev.roster.scim.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The changes Roster must still tell a host whose accounts live outside Roster's transactions (another database, a
 * service). A change is appended in the same {@link Transactions} unit as the user change it comes from, so that
 * it exists exactly when that change committed, and stays until {@code AccountRelay} delivered it: no change is lost
 * between Roster's store and the host's table, even if the process dies between the commit and the delivery.
 * {@code dev.roster.scim.testkit.AccountOutboxContract} (roster-testkit) pins the behaviour down.
 *
 * <p>Implemented by persistence-mybatis ({@code RosterDatabase.accountOutbox()}, the {@code account_outbox} table)
 * and the testkit's {@code InMemoryAccountOutbox}; the use cases append (through {@code AccountSync.outbox}), and
 * {@code AccountRelay} reads and acknowledges, possibly one relay per server on a shared database. So an
 * implementation is thread-safe, and every method but {@link #append} is safe to call for a change another relay
 * has handled already.
 *
 * <pre>{@code
 * transactions.run(() -> { userStore.update(site, next, version); outbox.append(change); });
 * for (AccountOutbox.Entry entry : outbox.due(clock.instant(), 100)) { ... outbox.delivered(entry.change().id()); }
 * }</pre>
 */
public interface AccountOutbox {

    /**
     * Keeps the change for delivery, due at once, with no attempt counted; joins the running transaction, so a
     * rolled-back change leaves nothing in the outbox.
     *
     * @param change the change, with an id no other change has
     */
    void append(AccountChange change);

    /**
     * Up to {@code limit} undelivered changes whose next attempt is due at {@code now}, oldest appended first. A
     * change retried later keeps its place in that order once it is due again.
     *
     * @param now   the current instant; a change whose next attempt is after it is not due
     * @param limit the most changes to return, 1 or more
     * @return the due changes with their failed attempts so far, in append order; empty when none is due
     */
    List<Entry> due(Instant now, int limit);

    /**
     * Removes a delivered change; a change already removed is ignored.
     *
     * @param changeId the delivered change's {@link AccountChange#id()}
     */
    void delivered(String changeId);

    /**
     * Records a failed delivery: the change's attempt count becomes {@code attempts} and it is not due before
     * {@code nextAttempt}. {@code failure} says why, for an operator; it never holds a secret. A change already
     * removed (another relay delivered it) is ignored.
     *
     * @param changeId    the refused change's {@link AccountChange#id()}
     * @param attempts    how many deliveries of it have failed now, 1 or more
     * @param nextAttempt the instant before which it is not due again
     * @param failure     why the host refused it: {@code AccountRelay} passes the exception's class name only
     */
    void retryLater(String changeId, int attempts, Instant nextAttempt, String failure);

    /**
     * How many changes wait for delivery, due or not: 0 when the host is up to date.
     *
     * @return the number of undelivered changes, 0 or more
     */
    long pending();

    /**
     * An undelivered change and how often its delivery failed so far.
     *
     * @param change   the change to deliver
     * @param attempts how many deliveries failed, 0 for a change never tried
     */
    record Entry(AccountChange change, int attempts) {

        /**
         * An entry, checked.
         *
         * @param change   the change to deliver
         * @param attempts how many deliveries failed, 0 or more
         * @throws NullPointerException     if {@code change} is null
         * @throws IllegalArgumentException if {@code attempts} is negative
         */
        public Entry {
            Objects.requireNonNull(change, "change");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
        }
    }
}
