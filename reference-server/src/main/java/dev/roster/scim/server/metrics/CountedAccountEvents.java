package dev.roster.scim.server.metrics;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the account changes the core announces, by site and source ({@code scim}, {@code admin},
 * {@code sign-in}); role changes also by the new role. Never by user: the tags stay bounded by the sites table.
 */
final class CountedAccountEvents implements AccountEvents {

    private final MeterRegistry registry;
    private final AccountEvents next;

    CountedAccountEvents(MeterRegistry registry, AccountEvents next) {
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void deactivated(SiteId site, User user, ChangeSource source) {
        counter("roster.accounts.deactivated", "Accounts deactivated", site, source).increment();
        next.deactivated(site, user, source);
    }

    @Override
    public void reactivated(SiteId site, User user, ChangeSource source) {
        counter("roster.accounts.reactivated", "Accounts reactivated", site, source).increment();
        next.reactivated(site, user, source);
    }

    @Override
    public void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
        Counter.builder("roster.accounts.role.changes").description("Account role changes, by the new role")
                .tag("site", site.value()).tag("source", source.label()).tag("role", user.role().scimValue())
                .register(registry).increment();
        next.roleChanged(site, user, previous, source);
    }

    private Counter counter(String name, String description, SiteId site, ChangeSource source) {
        return Counter.builder(name).description(description).tag("site", site.value())
                .tag("source", source.label()).register(registry);
    }
}
