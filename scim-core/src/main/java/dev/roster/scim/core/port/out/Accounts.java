package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;

import java.util.Optional;

/**
 * The host application's own accounts, as Roster drives them in the side-car way: Roster keeps the SCIM records in
 * its own tables and tells the host only what its accounts must become — an account created at the first SSO sign-in
 * (or when the IdP creates one), deactivated and reactivated, promoted and demoted. A host with its own users table
 * implements these five methods instead of a whole {@link UserStore}.
 *
 * <p>Every change carries the Roster {@code version} of the user it comes from. Calls may arrive more than once
 * (a redelivery from the outbox) and, from several relays, out of order; so {@code setActive} and {@code setRole}
 * apply only when {@code version} is not older than the version the account holds, and store it: an update
 * guarded by {@code WHERE roster_version <= :version}. {@code create} of an id that exists changes nothing.
 * {@code AccountsContract} (core test-jar) pins this down.
 *
 * <p>Where the host shares Roster's database and transactions ({@code AccountSync.sharedTransaction}), each call
 * runs inside the SCIM change's transaction: throwing rolls the change back and the IdP gets a 500 to retry. Where it
 * does not, the calls come from {@code AccountRelay}, after the change committed, and a throw is retried later.
 *
 * <pre>{@code
 * public void setActive(SiteId site, String id, boolean active, long version) {
 *     jdbc.update("UPDATE accounts SET active = ?, roster_version = ? WHERE site = ? AND roster_id = ?"
 *             + " AND roster_version <= ?", active, version, site.value(), id, version);
 * }
 * }</pre>
 */
public interface Accounts {

    /** The account of the user with that Roster id, if the host has one. */
    Optional<Account> findById(SiteId site, String id);

    /** The account of that userName (compared as the host compares its userNames), if the host has one. */
    Optional<Account> findByUserName(SiteId site, String userName);

    /** Creates the account; does nothing if one with its id exists. */
    void create(SiteId site, Account account);

    /** Sets the account's status, unless it holds a newer version than {@code version}; a missing account is ignored. */
    void setActive(SiteId site, String id, boolean active, long version);

    /** Sets the account's role, unless it holds a newer version than {@code version}; a missing account is ignored. */
    void setRole(SiteId site, String id, Role role, long version);
}
