package dev.roster.scim.testkit;

import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.ExchangeLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link ExchangeLog} in a list; {@link ExchangeLogContract} holds it to the same rules as the SQL store. */
public final class InMemoryExchangeLog implements ExchangeLog {

    private final List<StoredExchange> stored = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized void appendAll(List<ScimExchange> exchanges, int keptPerSite,
                                       int keptUnauthenticatedPerSite) {
        exchanges.forEach(exchange -> stored.add(new StoredExchange(nextId++, exchange)));
        exchanges.stream().map(ScimExchange::site).distinct().forEach(site -> {
            List<StoredExchange> ofSite = newestFirst(site);
            ofSite.stream().filter(kept -> !kept.exchange().unauthenticated() && !kept.exchange().rateLimited())
                    .skip(keptPerSite).forEach(stored::remove);
            ofSite.stream().filter(kept -> kept.exchange().unauthenticated()).skip(keptUnauthenticatedPerSite)
                    .forEach(stored::remove);
            ofSite.stream().filter(kept -> kept.exchange().rateLimited()).skip(keptUnauthenticatedPerSite)
                    .forEach(stored::remove);
        });
    }

    @Override
    public synchronized List<StoredExchange> recent(SiteId site, StatusRange statuses, int limit) {
        return newestFirst(site).stream().filter(kept -> statuses.contains(kept.exchange().status())).limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<StoredExchange> find(SiteId site, long id) {
        return stored.stream().filter(kept -> kept.id() == id && kept.exchange().site().equals(site)).findFirst();
    }

    private List<StoredExchange> newestFirst(SiteId site) {
        return stored.stream().filter(kept -> kept.exchange().site().equals(site))
                .sorted(Comparator.comparingLong(StoredExchange::id).reversed()).toList();
    }
}
