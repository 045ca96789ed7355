package dev.roster.scim.core.port.out;

import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;

import java.util.List;
import java.util.Optional;

/**
 * Where the request inspector keeps each site's last SCIM exchanges: a bounded table, not a log.
 * {@code ExchangeLogContract} (core test-jar) pins the behaviour down.
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
     * @param exchanges                  the exchanges to keep, oldest first
     * @param keptPerSite                how many of a site's exchanges a token opened are kept
     * @param keptUnauthenticatedPerSite how many of a site's refusals of each kind (a missing or wrong token; a rate
     *                                   limit) are kept
     */
    void appendAll(List<ScimExchange> exchanges, int keptPerSite, int keptUnauthenticatedPerSite);

    /** The site's newest exchanges first, whose status lies in the range, at most {@code limit}. */
    List<StoredExchange> recent(SiteId site, StatusRange statuses, int limit);

    Optional<StoredExchange> find(SiteId site, long id);
}
