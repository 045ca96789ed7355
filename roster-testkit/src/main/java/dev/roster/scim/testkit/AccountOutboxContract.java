package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.AccountChange;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.core.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every {@link AccountOutbox} must do: keep a change exactly when the unit that appended it committed, hand
 * out due changes oldest first, defer a failed one until its next attempt, and forget a delivered one.
 *
 * <pre>{@code
 * class MyBatisAccountOutboxContractTest extends AccountOutboxContract {
 *     protected OutboxStores createOutbox() { ... the outbox and its Transactions on a fresh database ... }
 * }
 * }</pre>
 */
public abstract class AccountOutboxContract {

    private static final SiteId ACME = SiteId.of("acme");
    private static final Instant AT = Instant.parse("2026-05-06T07:08:09.010Z");

    /**
     * An outbox and the transactions its appends join.
     *
     * @param outbox       the outbox under test
     * @param transactions the units of work its appends take part in, so that a rollback drops them
     */
    protected record OutboxStores(AccountOutbox outbox, Transactions transactions) {
        /**
         * The pair under test.
         *
         * @param outbox       the outbox under test
         * @param transactions the units of work its appends take part in
         * @throws NullPointerException if either is null
         */
        public OutboxStores {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(transactions, "transactions");
        }
    }

    private AccountOutbox outbox;
    private Transactions transactions;

    /**
     * A new, empty outbox; called before each test.
     *
     * @return the outbox under test and the transactions it joins
     */
    protected abstract OutboxStores createOutbox();

    @BeforeEach
    void createTheOutbox() {
        OutboxStores stores = createOutbox();
        outbox = stores.outbox();
        transactions = stores.transactions();
    }

    @Test
    void anAppendedChangeIsDueAtOnceAsItWasAppended() {
        AccountChange change = change("c-1", "u-1", 1, AT);
        AccountChange noEmail = new AccountChange("c-2", ACME,
                new Account("u-2", "bob", Optional.empty(), false, Role.ADMIN, 7), AT);

        transactions.run(() -> {
            outbox.append(change);
            outbox.append(noEmail);
        });

        assertThat(outbox.due(AT, 10)).containsExactly(new AccountOutbox.Entry(change, 0),
                new AccountOutbox.Entry(noEmail, 0));
        assertThat(outbox.pending()).isEqualTo(2);
    }

    @Test
    void dueChangesComeOldestAppendedFirstUpToTheLimit() {
        for (int i = 1; i <= 5; i++) {
            AccountChange change = change("c-" + i, "u-" + i, 1, AT.minusSeconds(i));
            transactions.run(() -> outbox.append(change));
        }

        assertThat(outbox.due(AT, 3)).extracting(entry -> entry.change().id()).containsExactly("c-1", "c-2", "c-3");
    }

    @Test
    void anAppendInARolledBackUnitLeavesNothing() {
        assertThatThrownBy(() -> transactions.run(() -> {
            outbox.append(change("c-1", "u-1", 1, AT));
            throw new IllegalStateException("the user change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox.due(AT.plusSeconds(60), 10)).isEmpty();
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aDeliveredChangeIsGoneAndDeliveringItAgainIsHarmless() {
        transactions.run(() -> {
            outbox.append(change("c-1", "u-1", 1, AT));
            outbox.append(change("c-2", "u-2", 1, AT));
        });

        outbox.delivered("c-1");
        outbox.delivered("c-1");

        assertThat(outbox.due(AT, 10)).extracting(entry -> entry.change().id()).containsExactly("c-2");
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void aChangeToRetryIsNotDueBeforeItsNextAttemptAndCountsItsAttempts() {
        transactions.run(() -> outbox.append(change("c-1", "u-1", 1, AT)));

        outbox.retryLater("c-1", 1, AT.plus(Duration.ofSeconds(2)), "java.lang.IllegalStateException");

        assertThat(outbox.due(AT.plusSeconds(1), 10)).isEmpty();
        assertThat(outbox.due(AT.plusSeconds(2), 10)).containsExactly(
                new AccountOutbox.Entry(change("c-1", "u-1", 1, AT), 1));
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void aRetriedChangeKeepsItsPlaceInTheOrder() {
        transactions.run(() -> {
            outbox.append(change("c-1", "u-1", 1, AT));
            outbox.append(change("c-2", "u-1", 2, AT));
        });

        outbox.retryLater("c-1", 3, AT, "java.lang.IllegalStateException");

        assertThat(outbox.due(AT, 10)).extracting(entry -> entry.change().id()).containsExactly("c-1", "c-2");
    }

    @Test
    void retryingAChangeThatWasDeliveredIsHarmless() {
        outbox.retryLater("c-9", 1, AT, "java.lang.IllegalStateException");

        assertThat(outbox.pending()).isZero();
    }

    private static AccountChange change(String id, String userId, long version, Instant at) {
        return new AccountChange(id, ACME, new Account(userId, "user-" + userId,
                Optional.of(userId + "@example.com"), true, Role.REGISTERED, version), at);
    }
}
