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
 * {@code setActive} and {@code setRole} of one version both apply: Roster calls both for every change, the second
 * with the version the first just stored. {@code dev.roster.scim.testkit.AccountsContract} (roster-testkit) pins
 * this down with one subclass; the testkit's {@code InMemoryAccounts} is the reference.
 *
 * <p>Where the host shares Roster's database and transactions ({@code AccountSync.sharedTransaction}), each call
 * runs inside the SCIM change's transaction: throwing rolls the change back and the IdP gets a 500 to retry. Where it
 * does not, the calls come from {@code AccountRelay}, after the change committed, and a throw is retried later.
 * Either way an implementation may be called from several threads at once (request threads, or several relays)
 * and must be thread-safe. What a host throws never reaches the IdP in clear: an exception other than a
 * {@code ScimException} becomes a {@code 500} whose detail names nothing of the host, with the host's exception as
 * its cause, and in the outbox way only the exception's class name is kept for the operator.
 *
 * <p>Roster tells the host nothing of pending identities (they have no account yet), of names or emails after the
 * creation, nor of renames: an account's {@code userName} and {@code email} are the ones it was created with. A
 * SCIM {@code DELETE} reaches the host as a deactivation; accounts are never deleted.
 *
 * <pre>{@code
 * public void setActive(SiteId site, String id, boolean active, long version) {
 *     jdbc.update("UPDATE accounts SET active = ?, roster_version = ? WHERE site = ? AND roster_id = ?"
 *             + " AND roster_version <= ?", active, version, site.value(), id, version);
 * }
 * }</pre>
 */
public interface Accounts {

    /**
     * The account of the user with that Roster id, if the host has one. Roster calls it before each change, to
     * decide between {@link #create} and the setters and to skip a change the account holds already.
     *
     * @param site the site of the user; an account of another site is never found
     * @param id   the user's Roster id ({@link Account#id()}: its SCIM {@code id}), compared exactly
     * @return the account as the host holds it, with the version it last applied; empty when the host has none
     */
    Optional<Account> findById(SiteId site, String id);

    /**
     * The account of that userName (compared as the host compares its userNames), if the host has one. Roster itself
     * does not call it (its own store matches userNames by their identifier keys, ADR 014); it is the lookup a host's
     * SSO layer needs after a sign-in, and the contract checks it.
     *
     * @param site     the site of the user
     * @param userName a userName as the SSO assertion or the IdP names it
     * @return the account holding that userName, or empty when the host has none
     */
    Optional<Account> findByUserName(SiteId site, String userName);

    /**
     * Creates the account; does nothing if one with its id exists (a redelivery, or a relay that raced another).
     * Roster creates an account at a user's first sign-in, when an IdP's {@code POST} creates it where the site
     * allows that, when a first sign-in claims a pending identity, and for any change of a user the host never
     * heard of (one that existed before the host used Roster).
     *
     * @param site    the site of the user
     * @param account the whole state of the new account, with the Roster version it comes from
     */
    void create(SiteId site, Account account);

    /**
     * Sets the account's status, unless it holds a newer version than {@code version}; a missing account is ignored.
     * An applied call also stores {@code version} as the account's version.
     *
     * @param site    the site of the user
     * @param id      the user's Roster id
     * @param active  whether the account may sign in: false when the IdP deactivated or deleted the user
     * @param version the Roster version of the user this status is from; applies when not older than the held one
     */
    void setActive(SiteId site, String id, boolean active, long version);

    /**
     * Sets the account's role, unless it holds a newer version than {@code version}; a missing account is ignored.
     * An applied call also stores {@code version} as the account's version.
     *
     * @param site    the site of the user
     * @param id      the user's Roster id
     * @param role    the account's role in the site (the IdP's where the site lets SCIM manage roles)
     * @param version the Roster version of the user this role is from; applies when not older than the held one
     */
    void setRole(SiteId site, String id, Role role, long version);
}
