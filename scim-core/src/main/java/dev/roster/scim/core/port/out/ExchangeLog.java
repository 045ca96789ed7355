package dev.roster.scim.core.port.out;

import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;

import java.util.List;
import java.util.Optional;

/**
 * Where the request inspector keeps each site's last SCIM exchanges: a bounded table, not a log.
 * {@code dev.roster.scim.testkit.ExchangeLogContract} (roster-testkit) pins the behaviour down. Implemented by
 * persistence-mybatis ({@code RosterDatabase.exchangeLog()}) and the testkit's {@code InMemoryExchangeLog}; called
 * by {@code RequestInspectionService} only, which writes batches off the request threads and reads for the admin
 * page at the same time, so an implementation is thread-safe. The exchanges arrive redacted; a store keeps what it
 * is given.
 *
 * <pre>{@code
 * exchangeLog.appendAll(batch, 200, 50);
 * exchangeLog.recent(site, StatusRange.parse(Optional.of("4xx")), 50)   // newest first
 * }</pre>
 */
public interface ExchangeLog {

    /**
     * Stores the exchanges, in order, in one unit, then removes each of their sites' older ones: beyond the newest
     * {@code keptPerSite} of those a token opened, beyond the newest {@code keptUnauthenticatedPerSite} of those
     * refused for a missing or wrong token ({@link ScimExchange#unauthenticated()}), and beyond as many again of
     * those a rate limit refused ({@link ScimExchange#rateLimited()}). The three bounds are apart so that neither
     * anyone who can reach the server without a token nor a client flooding past a limit can push a site's real
     * exchanges out.
     *
     * @param exchanges                  the captured exchanges, oldest first, of sites that exist
     * @param keptPerSite                how many of a site's exchanges a token opened are kept
     * @param keptUnauthenticatedPerSite how many of a site's refusals of each kind (a missing or wrong token; a rate
     *                                   limit) are kept
     */
    void appendAll(List<ScimExchange> exchanges, int keptPerSite, int keptUnauthenticatedPerSite);

    /**
     * The site's newest exchanges first, whose status lies in the range, at most {@code limit}.
     *
     * @param site     the site whose exchanges are read
     * @param statuses the HTTP statuses of interest ({@code 4xx}, {@code 500}, or every status)
     * @param limit    the most exchanges to return, 1 or more
     * @return the kept exchanges in the range, newest (highest id) first; empty when there is none
     */
    List<StoredExchange> recent(SiteId site, StatusRange statuses, int limit);

    /**
     * One kept exchange, with its bodies.
     *
     * @param site the site it belongs to; an exchange of another site is never found
     * @param id   the store's id of it, as {@link StoredExchange#id()} gave it
     * @return the exchange, or empty when the site has none of that id (any more: older ones are trimmed)
     */
    Optional<StoredExchange> find(SiteId site, long id);
}
