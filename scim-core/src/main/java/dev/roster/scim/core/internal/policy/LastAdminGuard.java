package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;

import java.util.function.LongSupplier;

/**
 * A site must keep at least one active Admin: the last one cannot be deactivated, deleted or demoted, whether by
 * the IdP over SCIM or by a local admin, or nobody could administer the site any more. A pending identity with the
 * Admin role does not count: it is nobody's account until its first sign-in. Refused with
 * {@code 409 Conflict} (RFC 7644 §3.12) and a detail saying what to do instead.
 *
 * <pre>{@code
 * LastAdminGuard.check(before, after, () -> countActiveAdmins(site));
 * }</pre>
 */
public final class LastAdminGuard {

    private LastAdminGuard() {
    }

    /**
     * Refuses the change from {@code before} to {@code after} if it takes away the site's last active Admin.
     *
     * @param activeAdmins the number of active Admins of the site as stored, {@code before} included; asked only
     *                     when the change takes an active Admin away
     */
    public static void check(User before, User after, LongSupplier activeAdmins) {
        if (isActiveAdmin(before) && !isActiveAdmin(after) && activeAdmins.getAsLong() <= 1) {
            throw ScimException.conflict("'" + before.userName() + "' is the last active Admin of this site and "
                    + "cannot be " + verb(after) + "; make another user an active Admin first.");
        }
    }

    /** An account (not a pending identity, which nobody can use yet) that is active, visible and Admin. */
    public static boolean isActiveAdmin(User user) {
        return user.active() && !user.hidden() && !user.pending() && user.role() == Role.ADMIN;
    }

    private static String verb(User after) {
        if (after.hidden()) {
            return "deleted";
        }
        return after.active() ? "demoted" : "deactivated";
    }
}
