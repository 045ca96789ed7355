package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where sites, their SCIM settings and their bearer tokens live (tokens only as their hashes). What is read here may be
 * cached only under the site's {@link #settingsVersion}, read again for each use: a token revoked through one server
 * is refused by every other at once (ADR 015, ADR 029). {@code SiteStoreContract} (roster-testkit) pins the behaviour
 * down.
 *
 * <pre>{@code
 * siteStore.update(siteStore.find(site).orElseThrow().withScimEnabled(true));
 * }</pre>
 */
public interface SiteStore {

    /**
     * The site's stored settings.
     *
     * @param site the site
     * @return its settings; empty for an unknown site
     */
    Optional<SiteSettings> find(SiteId site);

    /**
     * A number that changes, in the same transaction, with every change to the site's settings or tokens (an insert,
     * a revocation, an expiry set, a settings update), and never returns to a value it had; a recorded token use
     * ({@link #recordTokenUse}) leaves it as it is. A cache of {@link #find} and {@link #tokens} that holds the
     * version it was read under is current exactly while this still returns that version.
     *
     * @param site the site
     * @return the version; empty for an unknown site
     */
    OptionalLong settingsVersion(SiteId site);

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
