package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

/**
 * Told about account changes after they are committed, so that a host application can act, e.g. end a deactivated
 * user's sessions. Listeners must not throw; what they do is outside the change's transaction.
 *
 * <p>The host implements it (overriding only the events it needs) and hands it to {@code Ports}; the use cases
 * call it on the thread of the request that made the change, after its transaction committed, so a listener
 * should be quick and thread-safe. An exception a listener throws is not caught: the change stays committed, but
 * the caller (an IdP, an admin) is answered with an error for it. Only accounts are announced: a pending identity,
 * the sign-in that makes an account of one, and an account's creation are not; a SCIM {@code DELETE} is announced
 * as a deactivation. The testkit's {@code RecordingAccountEvents} records them for assertions.
 *
 * <pre>{@code
 * AccountEvents signOut = new AccountEvents() {
 *     public void deactivated(SiteId site, User user, ChangeSource source) {
 *         sessions.endAll(site, user.id());
 *     }
 * };
 * }</pre>
 */
public interface AccountEvents {

    /** Listens to nothing. */
    AccountEvents NONE = new AccountEvents() {
    };

    /**
     * An active account was deactivated: by the IdP ({@code active: false} or a SCIM {@code DELETE}) or by a site
     * admin. The default does nothing.
     *
     * @param site   the site of the user
     * @param user   the user as stored after the change (inactive)
     * @param source who made the change: the IdP over SCIM, or a site admin
     */
    default void deactivated(SiteId site, User user, ChangeSource source) {
    }

    /**
     * An inactive account became active again, by the IdP or by a site admin. The default does nothing.
     *
     * @param site   the site of the user
     * @param user   the user as stored after the change (active)
     * @param source who made the change
     */
    default void reactivated(SiteId site, User user, ChangeSource source) {
    }

    /**
     * An account's role changed (promoted or demoted), by the IdP where the site lets SCIM manage roles, or by a
     * site admin. Told beside a status change when one request changed both. The default does nothing.
     *
     * @param site     the site of the user
     * @param user     the user as stored after the change, holding the new role
     * @param previous the role the user held before
     * @param source   who made the change
     */
    default void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
    }
}
