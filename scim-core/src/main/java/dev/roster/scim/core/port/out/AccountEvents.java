package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

import java.util.List;
import java.util.function.Consumer;

/**
 * Told about account changes after they are committed, so that a host application can act, e.g. end a deactivated
 * user's sessions. What a listener does is outside the change's transaction.
 *
 * <p>The host implements it (overriding only the events it needs) and hands it to {@code Ports}; the use cases
 * call it on the thread of the request that made the change, after its transaction committed, so a listener
 * should be quick and thread-safe. An exception a listener throws cannot undo the change, so it does not reach the
 * caller (ADR 037): the IdP or admin is answered with the change as made, the change's other events are still told,
 * and the failure goes to {@link AccountEventFailures} ({@code Ports.withEventFailures}) for the host to log or count.
 * {@link #all} tells several listeners, each even when one before it threw. Only accounts are announced: a pending identity,
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
     * Tells every listener of {@code listeners}, in order, each even when one before it threw; then throws the first
     * failure, with the later ones suppressed in it, for {@link AccountEventFailures} to hear.
     *
     * <pre>{@code
     * AccountEvents events = AccountEvents.all(List.of(signOut, notifyAdmins));
     * }</pre>
     *
     * @param listeners the listeners, told in this order
     * @return one listener telling them all
     */
    static AccountEvents all(List<AccountEvents> listeners) {
        List<AccountEvents> each = List.copyOf(listeners);
        return new AccountEvents() {
            @Override
            public void deactivated(SiteId site, User user, ChangeSource source) {
                tell(listener -> listener.deactivated(site, user, source));
            }

            @Override
            public void reactivated(SiteId site, User user, ChangeSource source) {
                tell(listener -> listener.reactivated(site, user, source));
            }

            @Override
            public void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
                tell(listener -> listener.roleChanged(site, user, previous, source));
            }

            private void tell(Consumer<AccountEvents> event) {
                RuntimeException first = null;
                for (AccountEvents listener : each) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException failure) {
                        if (first == null) {
                            first = failure;
                        } else {
                            first.addSuppressed(failure);
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }

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
