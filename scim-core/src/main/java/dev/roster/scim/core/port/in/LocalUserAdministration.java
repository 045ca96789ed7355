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
 * <pre>{@code
 * admin.reactivate(site, id);
 * admin.users(site, SearchRequest.filtered("active eq false")).users().stream().filter(User::drifted)...
 * }</pre>
 */
public interface LocalUserAdministration {

    User deactivate(SiteId site, String userId);

    User reactivate(SiteId site, String userId);

    User setRole(SiteId site, String userId, Role role);

    /** Makes a SCIM-deleted user visible to SCIM again; it stays deactivated until reactivated. */
    User restore(SiteId site, String userId);

    /**
     * One page of the site's users (accounts) matching the request's filter, SCIM-deleted ones included, pending
     * identities not, ordered by userName then id unless the request sorts otherwise. Parameters are read as
     * {@link ScimUsers#search} reads them.
     */
    UserPage users(SiteId site, SearchRequest request);

    /**
     * One page of the site's pending identities (assigned in the IdP, not signed in yet) matching the request's
     * filter, read and ordered as {@link #users}.
     */
    UserPage pendingIdentities(SiteId site, SearchRequest request);

    /** The site's newest audit records first. */
    List<AuditRecord> recentChanges(SiteId site, int limit);

    /** One user's newest audit records first. */
    List<AuditRecord> changesOf(SiteId site, String userId, int limit);
}
