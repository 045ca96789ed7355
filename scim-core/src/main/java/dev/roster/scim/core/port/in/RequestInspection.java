package dev.roster.scim.core.port.in;

import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.model.SiteId;

import java.util.List;

/**
 * The request inspector: each site's last {@value #KEPT_PER_SITE} SCIM exchanges, for the admin who sees
 * "provisioning failed" at the IdP and wants to know why. The adapter that captures exchanges redacts and caps the
 * bodies ({@link dev.roster.scim.core.inspect.Redaction}) and hands them over in batches, off the request path.
 *
 * <pre>{@code
 * inspection.recordAll(batch);
 * inspection.recent(site, StatusRange.parse(Optional.of("4xx")));
 * }</pre>
 *
 * <p>Roster implements it ({@code RequestInspectionService}, over an {@code ExchangeLog} and the
 * {@code SiteStore}); the host's capturing writer (the reference server's {@code ExchangeRecorder}) calls
 * {@link #recordAll} off the request threads, and the admin pages read. It is thread-safe. Exchanges refused for
 * their token are kept apart, so that anyone who can reach the server cannot push out a site's real exchanges.
 */
public interface RequestInspection {

    /** How many of a site's exchanges a token opened are kept: the newest, older ones removed as new ones come. */
    int KEPT_PER_SITE = 200;

    /**
     * How many of a site's exchanges refused for a missing or wrong token are kept, beside and apart from the
     * {@value #KEPT_PER_SITE} others: enough to see what a misconfigured IdP sent, too few to matter as a table.
     */
    int KEPT_UNAUTHENTICATED_PER_SITE = 50;

    /**
     * How many of a site's exchanges refused by a rate limit ({@code 429}) are kept, apart from both bounds above,
     * so that a flood past a limit cannot push the site's real exchanges out either.
     */
    int KEPT_RATE_LIMITED_PER_SITE = KEPT_UNAUTHENTICATED_PER_SITE;

    /** All a site's inspector can hold at once: the three bounds together. */
    int KEPT_IN_ALL_PER_SITE = KEPT_PER_SITE + KEPT_UNAUTHENTICATED_PER_SITE + KEPT_RATE_LIMITED_PER_SITE;

    /**
     * Keeps the exchanges of sites that exist (others are dropped: a path names any site), trimming each site.
     *
     * @param exchanges the captured exchanges, oldest first, their bodies already redacted and capped
     */
    void recordAll(List<ScimExchange> exchanges);

    /**
     * The site's kept exchanges in the range, newest first; 404 for an unknown site.
     *
     * @param site     the site whose exchanges are read
     * @param statuses the HTTP statuses to list ({@link StatusRange#ALL} for every one)
     * @return up to {@value #KEPT_IN_ALL_PER_SITE} exchanges, newest first
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site
     */
    List<StoredExchange> recent(SiteId site, StatusRange statuses);

    /**
     * One exchange with its bodies; 404 if the site has none of that id (any more).
     *
     * @param site the site of the exchange
     * @param id   the exchange's id, as {@link StoredExchange#id()} gave it in {@link #recent}
     * @return the exchange
     * @throws dev.roster.scim.core.error.ScimException {@code 404} for an unknown site, or an exchange the site does
     *                                                  not keep
     */
    StoredExchange exchange(SiteId site, long id);
}
