package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.policy.AccountRules;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountChange;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.core.port.out.Accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How the use cases tell the host's {@link Accounts} about a user change, in the side-car way (ADR 022); handed over
 * in {@link Ports}. Called inside the change's transaction, after the user was stored:
 * <ul>
 *   <li>{@link #none()}: the host keeps no accounts of its own (it reads Roster's {@code UserStore}, or implements
 *   it);</li>
 *   <li>{@link #sharedTransaction(Accounts)}: the host's table is in Roster's database and its {@code Accounts} runs
 *   on the transaction's connection, so the host's row and the SCIM record change together; a host failure rolls
 *   the change back, and the caller gets {@code 500} (an IdP retries it);</li>
 *   <li>{@link #outbox(AccountOutbox)}: the host's table is elsewhere; the change is appended to the outbox in the
 *   same transaction and an {@link AccountRelay} delivers it at least once.</li>
 * </ul>
 *
 * <pre>{@code
 * Ports ports = new Ports(users, sites, audit, transactions, events, clock)
 *         .withAccountSync(AccountSync.outbox(database.accountOutbox()));
 * }</pre>
 */
public final class AccountSync {

    private static final AccountSync NONE = new AccountSync(Target.NONE, Optional.empty(), Optional.empty());

    private enum Target { NONE, SHARED_TRANSACTION, OUTBOX }

    private final Target target;
    private final Optional<Accounts> accounts;
    private final Optional<AccountOutbox> outbox;

    private AccountSync(Target target, Optional<Accounts> accounts, Optional<AccountOutbox> outbox) {
        this.target = target;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /**
     * Tells no one.
     *
     * @return the sync of a host without accounts of its own
     */
    public static AccountSync none() {
        return NONE;
    }

    /**
     * Calls the host's accounts inside the change's transaction; they must run on the same database transaction.
     *
     * @param accounts the host's accounts, on Roster's database
     * @return the sync that rolls a SCIM change back when the host fails
     */
    public static AccountSync sharedTransaction(Accounts accounts) {
        return new AccountSync(Target.SHARED_TRANSACTION, Optional.of(Objects.requireNonNull(accounts, "accounts")),
                Optional.empty());
    }

    /**
     * Appends each change to the outbox inside the change's transaction, for an {@link AccountRelay} to deliver.
     *
     * @param outbox the outbox in Roster's database
     * @return the sync whose changes go out at least once
     */
    public static AccountSync outbox(AccountOutbox outbox) {
        return new AccountSync(Target.OUTBOX, Optional.empty(), Optional.of(Objects.requireNonNull(outbox,
                "outbox")));
    }

    /** Tells the host what {@link AccountRules} says it must hear of a change from {@code before} to {@code after}. */
    void changed(SiteId site, Optional<User> before, User after, Instant now) {
        if (target == Target.NONE) {
            return;
        }
        AccountRules.toTell(before, after).ifPresent(account -> {
            if (target == Target.OUTBOX) {
                outbox.orElseThrow().append(new AccountChange(UUID.randomUUID().toString(), site, account, now));
                return;
            }
            try {
                AccountRules.apply(accounts.orElseThrow(), site, account);
            } catch (ScimException e) {
                throw e;
            } catch (RuntimeException e) {
                // The host's message may name its tables or data: it stays in the cause, not in the IdP's answer.
                throw new ScimException(ScimErrorType.INTERNAL, "The application could not apply this change to "
                        + "its own account of the user, so nothing was changed; retry later.", e);
            }
        });
    }
}
