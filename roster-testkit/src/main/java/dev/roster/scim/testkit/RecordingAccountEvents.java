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
        DEACTIVATED, REACTIVATED, ROLE_CHANGED
    }

    /** One event as heard. */
    public record Event(Kind kind, SiteId site, User user, ChangeSource source, Optional<Role> previousRole) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(previousRole, "previousRole");
        }
    }

    private final List<Event> events = new ArrayList<>();

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

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<Kind> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
