package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sites, their SCIM settings and their bearer tokens live (tokens only as their hashes). Nothing read here may
 * be cached beyond one call: a token revoked through one server is refused by every other at once (ADR 015). {@code SiteStoreContract} (core test-jar)
 * pins the behaviour down.
 *
 * <pre>{@code
 * siteStore.update(siteStore.find(site).orElseThrow().withScimEnabled(true));
 * }</pre>
 */
public interface SiteStore {

    Optional<SiteSettings> find(SiteId site);

    /** Stores a new site; {@code ScimException.conflict} if one of that name exists. */
    void insert(SiteSettings settings);

    /** Replaces the settings of an existing site. */
    void update(SiteSettings settings);

    /** Every site, by name. */
    List<SiteId> list();

    /** The site's tokens, expired ones included, oldest first; empty for an unknown site. */
    List<SiteToken> tokens(SiteId site);

    /** Stores a new token of an existing site. */
    void insertToken(SiteToken token);

    /** Sets when the token stops working; {@code false} if the site has no such token. */
    boolean expireToken(SiteId site, String tokenId, Instant at);

    /** Removes the token, so that it opens nothing from now on; {@code false} if the site has no such token. */
    boolean deleteToken(SiteId site, String tokenId);

    /** Removes the site's tokens that expired before {@code now}; how many. */
    int deleteTokensExpiredBefore(SiteId site, Instant now);

    /**
     * Records a use of the token, unless one after {@code staleBefore} is recorded already: a conditional write,
     * so that servers sharing the database write it at most once per period between them. Whether it wrote.
     */
    boolean recordTokenUse(SiteId site, String tokenId, Instant at, String clientAddress, Instant staleBefore);
}
