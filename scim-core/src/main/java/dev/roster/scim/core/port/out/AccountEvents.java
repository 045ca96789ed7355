package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

/**
 * Told about account changes after they are committed, so that a host application can act, e.g. end a deactivated
 * user's sessions. Listeners must not throw; what they do is outside the change's transaction.
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

    default void deactivated(SiteId site, User user, ChangeSource source) {
    }

    default void reactivated(SiteId site, User user, ChangeSource source) {
    }

    default void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
    }
}
