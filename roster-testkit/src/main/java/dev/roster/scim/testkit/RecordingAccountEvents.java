package dev.roster.scim.testkit;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link AccountEvents} that remembers what it heard, in order. */
public final class RecordingAccountEvents implements AccountEvents {

    /** What happened to a user. */
    public enum Kind {
        /** {@link AccountEvents#deactivated}. */
        DEACTIVATED,
        /** {@link AccountEvents#reactivated}. */
        REACTIVATED,
        /** {@link AccountEvents#roleChanged}. */
        ROLE_CHANGED
    }

    /**
     * One event as heard.
     *
     * @param kind         which method was called
     * @param site         the user's site
     * @param user         the user after the change
     * @param source       who made the change
     * @param previousRole the role before, for {@link Kind#ROLE_CHANGED}; empty otherwise
     */
    public record Event(Kind kind, SiteId site, User user, ChangeSource source, Optional<Role> previousRole) {
        /**
         * An event.
         *
         * @param kind         which method was called
         * @param site         the user's site
         * @param user         the user after the change
         * @param source       who made the change
         * @param previousRole the role before, if the role changed
         * @throws NullPointerException if any is null
         */
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(previousRole, "previousRole");
        }
    }

    private final List<Event> events = new ArrayList<>();

    /** Events that have heard nothing yet. */
    public RecordingAccountEvents() {
    }

    @Override
    public synchronized void deactivated(SiteId site, User user, ChangeSource source) {
        events.add(new Event(Kind.DEACTIVATED, site, user, source, Optional.empty()));
    }

    @Override
    public synchronized void reactivated(SiteId site, User user, ChangeSource source) {
        events.add(new Event(Kind.REACTIVATED, site, user, source, Optional.empty()));
    }

    @Override
    public synchronized void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
        events.add(new Event(Kind.ROLE_CHANGED, site, user, source, Optional.of(previous)));
    }

    /**
     * What was heard, in order.
     *
     * @return a copy of the events since construction or {@link #clear()}
     */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * The kinds of what was heard, in order: enough for most assertions.
     *
     * @return the events' kinds
     */
    public synchronized List<Kind> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    /** Forgets every event heard so far. */
    public synchronized void clear() {
        events.clear();
    }
}
