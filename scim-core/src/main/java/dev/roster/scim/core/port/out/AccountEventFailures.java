package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

/**
 * Told when an {@link AccountEvents} listener threw after its change committed. The change is done and the caller
 * (an IdP, an admin) is answered as if the listener had not thrown, so that an IdP does not retry a change that is
 * made; this port is where the failure goes instead, for the embedder to log, count or alert on (the core has no
 * logging). The reference server logs a WARN and counts {@code roster_account_event_failures_total} by site and event.
 *
 * <p>Called on the request's thread, once for each event that threw, after the other events of the change were
 * told; an exception it throws itself is dropped, as the answer must still go out.
 *
 * <pre>{@code
 * Ports ports = new Ports(users, sites, audit, transactions, events, clock)
 *         .withEventFailures((site, user, event, failure) -> log.warn("{} of {} not handled", event, user.id(), failure));
 * }</pre>
 */
@FunctionalInterface
public interface AccountEventFailures {

    /** Drops every failure: for hosts whose listeners cannot throw. */
    AccountEventFailures NONE = (site, user, event, failure) -> {
    };

    /** Which {@link AccountEvents} method threw. */
    enum Event {
        /** {@link AccountEvents#deactivated}. */
        DEACTIVATED,
        /** {@link AccountEvents#reactivated}. */
        REACTIVATED,
        /** {@link AccountEvents#roleChanged}. */
        ROLE_CHANGED
    }

    /**
     * A listener threw while told of a committed change.
     *
     * @param site    the site of the user
     * @param user    the user as stored after the change
     * @param event   the event the listener was told of
     * @param failure what the listener threw
     */
    void failed(SiteId site, User user, Event event, RuntimeException failure);
}
