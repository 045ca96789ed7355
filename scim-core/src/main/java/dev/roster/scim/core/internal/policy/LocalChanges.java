package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;

import java.util.function.UnaryOperator;

/**
 * What a site admin's local change does to a user, against what the IdP said over SCIM (ADR 009, 012). A local
 * status or role wins until the IdP's next assertion; it leaves {@code idpActive} alone, since that is what the IdP
 * said, so a local reactivation of a user the IdP deactivated shows as drift. A pending identity is the IdP's to
 * manage and has no account to change ({@code 409}); a user the IdP deleted is restored before it is changed. The
 * last-admin guard ({@link LastAdminGuard}) applies on top. {@code LocalUserAdministrationService} finds the user,
 * asks here, and writes the result as the admin's change ({@code ChangeSource.ADMIN}), which its audit records name.
 */
public final class LocalChanges {

    private LocalChanges() {
    }

    /**
     * The account deactivated by a site admin.
     *
     * @param current the user as stored
     * @return the user inactive
     * @throws ScimException {@code 409} for a pending identity, or a user the IdP deleted
     */
    public static User deactivated(User current) {
        return changed(current, user -> user.withActive(false));
    }

    /**
     * The account reactivated by a site admin, drifting from the IdP if the IdP deactivated it.
     *
     * @param current the user as stored
     * @return the user active
     * @throws ScimException {@code 409} for a pending identity, or a user the IdP deleted
     */
    public static User reactivated(User current) {
        return changed(current, user -> user.withActive(true));
    }

    /**
     * The account with the role a site admin gave it.
     *
     * @param current the user as stored
     * @param role    the role the admin chose
     * @return the user with {@code role}
     * @throws ScimException {@code 409} for a pending identity, or a user the IdP deleted
     */
    public static User withRole(User current, Role role) {
        return changed(current, user -> user.withRole(role));
    }

    /**
     * The account visible again after the IdP deleted it, status and role unchanged: the admin or the IdP
     * reactivates it.
     *
     * @param current the user as stored
     * @return the user visible
     * @throws ScimException {@code 409} for a pending identity
     */
    public static User restored(User current) {
        return requireAccount(current).withHidden(false);
    }

    /**
     * @throws ScimException {@code 409} for a pending identity, or for a user the IdP deleted (restore it first)
     */
    private static User changed(User current, UnaryOperator<User> change) {
        requireAccount(current);
        if (current.hidden()) {
            throw ScimException.conflict("'" + current.userName() + "' was deleted by the identity provider; "
                    + "restore them first.");
        }
        return change.apply(current);
    }

    /**
     * 409 for a pending identity. A local status or role on it would be overwritten by the IdP's next update and
     * would hold no account; keeping someone out before their first sign-in is the IdP's to do (unassign or
     * deactivate them there), and once they signed in, their account can be changed here.
     */
    private static User requireAccount(User current) {
        if (current.pending()) {
            throw ScimException.conflict("'" + current.userName() + "' has not signed in yet, so there is no "
                    + "account to change: the identity provider manages this pending identity. To keep them out, "
                    + "unassign or deactivate them in the identity provider.");
        }
        return current;
    }
}
