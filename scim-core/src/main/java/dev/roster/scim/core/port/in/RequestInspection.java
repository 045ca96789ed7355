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
 */
public interface RequestInspection {

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

    /** Keeps the exchanges of sites that exist (others are dropped: a path names any site), trimming each site. */
    void recordAll(List<ScimExchange> exchanges);

    /** The site's kept exchanges in the range, newest first; 404 for an unknown site. */
    List<StoredExchange> recent(SiteId site, StatusRange statuses);

    /** One exchange with its bodies; 404 if the site has none of that id (any more). */
    StoredExchange exchange(SiteId site, long id);
}
