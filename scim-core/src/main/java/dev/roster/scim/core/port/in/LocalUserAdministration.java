package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;

import java.util.List;

/**
 * What a site admin does to users in the application itself, beside (not instead of) SCIM: deactivate, reactivate,
 * change a role, restore a user the IdP deleted over SCIM, and look at users and the audit trail. Changes are
 * recorded with source {@code ADMIN}, versioned and audited like SCIM's, and announced to {@code AccountEvents}.
 *
 * <p>A local change can contradict the IdP: a user the IdP deactivated can be reactivated here. The user then shows
 * drift ({@link User#drifted()}) until the IdP next asserts a status. The last active Admin of a site cannot be
 * deactivated or demoted here either (409). A SCIM-deleted user must be restored before it is changed (409).
 *
 * <p>Pending identities (people the IdP assigned who have not signed in yet) are not users here: {@link #users}
 * leaves them out, {@link #pendingIdentities} lists them, and every change of one is refused (409): there is no
 * account to change, and the IdP owns the identity until the person signs in.
 *
 * <p>Roster implements it ({@code LocalUserAdministrationService}); the host's admin pages call it (the reference
 * server's admin API does). It is thread-safe; a change that races another is read again and retried, and answers
 * {@code 409} only if it keeps losing. Every method answers an unknown site with a {@code 404} that names it, before
 * anything is read or written: a list of an unknown site is not an empty list. SCIM being off does not stop a site
 * admin.
 *
 * <pre>{@code
 * admin.reactivate(site, id);
 * admin.users(site, SearchRequest.filtered("active eq false")).users().stream().filter(User::drifted)...
 * }</pre>
 */
public interface LocalUserAdministration {

    /**
     * Deactivates the account: it can no longer sign in. Announced to {@code AccountEvents} and told to the host's
     * {@code Accounts}; a user already inactive is returned unchanged.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id (its SCIM {@code id})
     * @return the user as stored after the change
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown user; {@code 409} for a pending
     *                                                  identity, a SCIM-deleted user, or the site's last active
     *                                                  Admin
     */
    User deactivate(SiteId site, String userId);

    /**
     * Reactivates the account: it can sign in again. Where the IdP last asserted it inactive, the user shows drift
     * ({@link User#drifted()}) until the IdP asserts a status again.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id
     * @return the user as stored after the change
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown user; {@code 409} for a pending
     *                                                  identity or a SCIM-deleted user (restore it first)
     */
    User reactivate(SiteId site, String userId);

    /**
     * Gives the account another role, whether or not the site lets SCIM manage roles; the IdP may set it again at
     * its next update where it does.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id
     * @param role   the new role
     * @return the user as stored after the change
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown user; {@code 409} for a pending
     *                                                  identity, a SCIM-deleted user, or a demotion of the site's
     *                                                  last active Admin
     */
    User setRole(SiteId site, String userId, Role role);

    /**
     * Makes a SCIM-deleted user visible to SCIM again; it stays deactivated until reactivated. A user that is not
     * deleted is returned unchanged.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id
     * @return the user as stored after the change
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown user; {@code 409} for a pending
     *                                                  identity
     */
    User restore(SiteId site, String userId);

    /**
     * One page of the site's users (accounts) matching the request's filter, SCIM-deleted ones included, pending
     * identities not, ordered by userName then id unless the request sorts otherwise. Parameters are read as
     * {@link ScimUsers#search} reads them; cursor paging is not offered here ({@code cursor} is ignored).
     *
     * @param site    the site whose users are listed
     * @param request the filter, sort and page, as the admin's client sent them
     * @return the page of accounts
     * @throws dev.roster.scim.core.error.ScimException {@code 400 invalidFilter} or {@code invalidValue} for a bad
     *                                                  filter, {@code sortBy} or {@code sortOrder}; {@code 404}
     *                                                  for an unknown site
     */
    UserPage users(SiteId site, SearchRequest request);

    /**
     * One page of the site's pending identities (assigned in the IdP, not signed in yet) matching the request's
     * filter, read and ordered as {@link #users}.
     *
     * @param site    the site whose pending identities are listed
     * @param request the filter, sort and page, as the admin's client sent them
     * @return the page of pending identities
     * @throws dev.roster.scim.core.error.ScimException as {@link #users}
     */
    UserPage pendingIdentities(SiteId site, SearchRequest request);

    /**
     * The site's newest audit records first.
     *
     * @param site  the site whose records are read
     * @param limit the most records to return; below 0 reads as 0
     * @return the records, newest first
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site
     */
    List<AuditRecord> recentChanges(SiteId site, int limit);

    /**
     * One user's newest audit records first, erased pending identities' included.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id
     * @param limit  the most records to return; below 0 reads as 0
     * @return the user's records, newest first; empty for an id with none
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site
     */
    List<AuditRecord> changesOf(SiteId site, String userId, int limit);
}
