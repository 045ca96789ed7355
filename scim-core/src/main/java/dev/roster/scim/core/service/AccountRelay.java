package dev.roster.scim.core.service;

import dev.roster.scim.core.internal.policy.AccountRules;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.core.port.out.Accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the {@link AccountOutbox}'s changes to the host's {@link Accounts}, at least once (ADR 022). Each change
 * is applied by {@link AccountRules#apply}, which is idempotent and ignores a change older than what the account
 * holds; it is removed from the outbox only after the host accepted it, so a crash between the two delivers it
 * again, harmlessly. A change the host refuses (throws) is retried with exponential backoff, from
 * {@code firstRetry} doubling up to {@code maxRetry}, for as long as it takes: giving up would lose it. Later changes
 * do not wait for it; being newer, they win over it when it finally goes through.
 *
 * <p>{@link #deliverDue()} is one pass, for a caller that wants a change delivered now (after a sign-in, say);
 * {@link #start(Duration)} runs passes on a daemon thread until {@link #close()}. Several relays on one outbox (one
 * per server) are safe, as delivery is idempotent; they just repeat each other's work at times.
 *
 * <pre>{@code
 * AccountRelay relay = new AccountRelay(database.accountOutbox(), myAccounts, Clock.systemUTC());
 * relay.start(Duration.ofSeconds(1));
 * ...
 * relay.close();
 * }</pre>
 */
public final class AccountRelay implements AutoCloseable {

    /** Changes per pass: a pass stays short, and the next one takes the rest. */
    static final int BATCH = 100;

    /** How long the relay waits after a first failed delivery, by default. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** The longest wait between two attempts of a change, by default. */
    public static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final AccountOutbox outbox;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Object passLock = new Object();
    private ScheduledExecutorService loop;

    /**
     * A relay retrying from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}.
     *
     * @param outbox   the changes to deliver
     * @param accounts the host's accounts
     * @param clock    when a change is due
     */
    public AccountRelay(AccountOutbox outbox, Accounts accounts, Clock clock) {
        this(outbox, accounts, clock, FIRST_RETRY, MAX_RETRY);
    }

    /**
     * A relay retrying a refused change after {@code firstRetry}, doubling the wait each time up to {@code maxRetry}.
     *
     * @param outbox     the changes to deliver
     * @param accounts   the host's accounts
     * @param clock      when a change is due
     * @param firstRetry the wait after a first failed delivery; positive
     * @param maxRetry   the longest wait between two attempts; not shorter than {@code firstRetry}
     */
    public AccountRelay(AccountOutbox outbox, Accounts accounts, Clock clock, Duration firstRetry,
                        Duration maxRetry) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.firstRetry = requirePositive(firstRetry, "firstRetry");
        this.maxRetry = requirePositive(maxRetry, "maxRetry");
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("maxRetry must not be shorter than firstRetry");
        }
    }

    /**
     * Delivers every change due now, oldest first; a failing one is scheduled for a retry and the pass goes on.
     *
     * @return how many changes were delivered
     */
    public int deliverDue() {
        synchronized (passLock) {
            int delivered = 0;
            List<AccountOutbox.Entry> due = outbox.due(clock.instant(), BATCH);
            while (!due.isEmpty()) {
                for (AccountOutbox.Entry entry : due) {
                    if (deliver(entry)) {
                        delivered++;
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
                due = outbox.due(clock.instant(), BATCH);
            }
            return delivered;
        }
    }

    private boolean deliver(AccountOutbox.Entry entry) {
        try {
            AccountRules.apply(accounts, entry.change().site(), entry.change().account());
        } catch (RuntimeException e) {
            int attempts = entry.attempts() + 1;
            outbox.retryLater(entry.change().id(), attempts, clock.instant().plus(backoff(attempts)),
                    e.getClass().getName());
            return false;
        }
        outbox.delivered(entry.change().id());
        return true;
    }

    /** How long to wait after the {@code attempts}-th failed delivery: doubling from the first retry, capped. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /**
     * Runs {@link #deliverDue()} every {@code interval} on a daemon thread; a pass that throws is tried again.
     *
     * @param interval the time between two passes; positive
     * @return this relay, running
     */
    public synchronized AccountRelay start(Duration interval) {
        requirePositive(interval, "interval");
        if (loop != null) {
            throw new IllegalStateException("the relay runs already");
        }
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "roster-account-relay");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::passQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void passQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The outbox itself failed (the database is away): nothing was lost, the next pass tries again. A throw
            // here would end the schedule for good.
        }
    }

    /** Stops the loop, waiting for a running pass to finish. */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.shutdown();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
