package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;

import java.util.Optional;

/**
 * What to tell the host's {@link Accounts} when, in the side-car way (ADR 022). The host hears of accounts only: a
 * pending identity has none, so it is told nothing until the first sign-in creates the account from it. It hears of
 * an account's creation (a first sign-in, or an IdP's POST where the site allows creation), and of a change of its
 * status or role; a change of anything else (names, emails, the link to the IdP) is Roster's alone. Deleting over
 * SCIM deactivates, so the host hears a deactivation.
 */
public final class AccountRules {

    private AccountRules() {
    }

    /**
     * The account state to tell the host after a user went from {@code before} (empty for a new user) to
     * {@code after}, if there is anything to tell.
     */
    public static Optional<Account> toTell(Optional<User> before, User after) {
        if (after.pending()) {
            return Optional.empty();
        }
        boolean created = before.isEmpty() || before.get().pending();
        if (created || before.get().active() != after.active() || before.get().role() != after.role()) {
            return Optional.of(accountOf(after));
        }
        return Optional.empty();
    }

    /** The account state of a stored user. */
    public static Account accountOf(User user) {
        return new Account(user.id(), user.userName(), user.preferredEmail().map(Email::value), user.active(),
                user.role(), user.version());
    }

    /**
     * Makes the host's account match {@code target}: creates it if the host has none (also for a status change of
     * an account the host never heard of, e.g. one created before the host used Roster), else sets status and role,
     * unless the host already holds this version or a newer one. Both are set even where they already match, so that
     * the account holds the new version and a late, older change (a failed delivery retried after this one) is
     * refused. Safe to run again with the same or an older target.
     */
    public static void apply(Accounts accounts, SiteId site, Account target) {
        Optional<Account> current = accounts.findById(site, target.id());
        if (current.isEmpty()) {
            accounts.create(site, target);
            return;
        }
        Account held = current.get();
        if (held.version() >= target.version()) {
            return;
        }
        accounts.setActive(site, target.id(), target.active(), target.version());
        accounts.setRole(site, target.id(), target.role(), target.version());
    }
}
