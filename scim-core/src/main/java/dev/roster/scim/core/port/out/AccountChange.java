package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;

import java.time.Instant;
import java.util.Objects;

/**
 * One change Roster tells the host's {@link Accounts}: the whole state the account must have after a user's change
 * (not the difference), so that applying it twice, or after a newer one, is harmless. Kept in the
 * {@link AccountOutbox} until delivered.
 *
 * @param id      unique per change (a random UUID), so that a host can log and a relay can acknowledge exactly
 *                this one
 * @param site    the site of the user
 * @param account the account's state, with the Roster version of the user it comes from
 * @param at      when the change committed in Roster
 */
public record AccountChange(String id, SiteId site, Account account, Instant at) {

    /**
     * A change, checked.
     *
     * @param id      the change's unique id
     * @param site    the site of the user
     * @param account the account's whole state after the change
     * @param at      when the change committed in Roster
     * @throws NullPointerException if a component is null
     */
    public AccountChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
    }
}
