package dev.roster.scim.server.metrics;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEventFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * Counts the account-event listeners that threw after their change committed, by site and event, then tells
 * {@code next}. Never by user: the tags stay bounded by the sites table.
 */
final class CountedAccountEventFailures implements AccountEventFailures {

    private final MeterRegistry registry;
    private final AccountEventFailures next;

    CountedAccountEventFailures(MeterRegistry registry, AccountEventFailures next) {
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void failed(SiteId site, User user, Event event, RuntimeException failure) {
        Counter.builder("roster.account.event.failures")
                .description("Account-event listeners that threw after their change committed")
                .tag("site", site.value()).tag("event", event.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
        next.failed(site, user, event, failure);
    }
}
