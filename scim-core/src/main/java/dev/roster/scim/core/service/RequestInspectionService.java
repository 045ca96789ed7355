package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.core.port.out.ExchangeLog;
import dev.roster.scim.core.port.out.SiteStore;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link RequestInspection} over an {@link ExchangeLog}.
 *
 * <pre>{@code
 * RequestInspection inspection = new RequestInspectionService(database.exchangeLog(), database.siteStore());
 * }</pre>
 */
public final class RequestInspectionService implements RequestInspection {

    private final ExchangeLog log;
    private final SiteStore sites;

    /**
     * Inspection of the exchanges {@code log} keeps.
     *
     * @param log   the recorded exchanges
     * @param sites the sites: exchanges of a site that does not exist are not kept, and asking for one is 404
     */
    public RequestInspectionService(ExchangeLog log, SiteStore sites) {
        this.log = Objects.requireNonNull(log, "log");
        this.sites = Objects.requireNonNull(sites, "sites");
    }

    @Override
    public void recordAll(List<ScimExchange> exchanges) {
        Set<SiteId> existing = exchanges.stream().map(ScimExchange::site).distinct()
                .filter(site -> sites.find(site).isPresent()).collect(Collectors.toSet());
        List<ScimExchange> kept = exchanges.stream().filter(exchange -> existing.contains(exchange.site())).toList();
        if (!kept.isEmpty()) {
            log.appendAll(kept, KEPT_PER_SITE, KEPT_UNAUTHENTICATED_PER_SITE);
        }
    }

    @Override
    public List<StoredExchange> recent(SiteId site, StatusRange statuses) {
        known(site);
        return log.recent(site, statuses, KEPT_IN_ALL_PER_SITE);
    }

    @Override
    public StoredExchange exchange(SiteId site, long id) {
        known(site);
        return log.find(site, id).orElseThrow(() -> ScimException.notFound(
                "The site has no exchange " + id + " (the inspector keeps the last " + KEPT_PER_SITE + ")."));
    }

    private void known(SiteId site) {
        if (sites.find(site).isEmpty()) {
            throw ScimException.notFound("No site '" + site + "'.");
        }
    }
}
