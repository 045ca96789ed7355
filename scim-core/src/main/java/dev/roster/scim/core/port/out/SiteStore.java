package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where sites, their SCIM settings and their bearer tokens live (tokens only as their hashes). What is read here may
 * be cached only under the site's {@link #settingsVersion}, read again for each use: a token revoked through one
 * server is refused by every other at once (ADR 015, ADR 029).
 * {@code dev.roster.scim.testkit.SiteStoreContract} (roster-testkit) pins the behaviour down.
 *
 * <p>Implemented by persistence-mybatis ({@code RosterDatabase.siteStore()}) and the testkit's
 * {@code InMemorySiteStore}; called by the core's use cases only (site administration, and the admission of every
 * SCIM request), from many threads at once, so an implementation is thread-safe. Writes join the running
 * {@link Transactions} unit, so that a settings change and its audit records commit together. Sites never mix:
 * every token call names its site, and a token id of another site is not found. Methods never return null.
 *
 * <pre>{@code
 * siteStore.update(siteStore.find(site).orElseThrow().withScimEnabled(true));
 * }</pre>
 */
public interface SiteStore {

    /**
     * The site's stored settings, read afresh.
     *
     * @param site the site's name, as in {@code /c/{site}/…}
     * @return the settings as stored (the creation policy empty when the site never chose one), or empty when no
     *         such site exists
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

    /**
     * Stores a new site.
     *
     * @param settings the new site's name and settings
     * @throws dev.roster.scim.core.error.ScimException {@code 409} ({@code conflict}) if a site of that name exists;
     *                                                  the existing one is kept as it was
     */
    void insert(SiteSettings settings);

    /**
     * Replaces every setting of an existing site (SSO, SCIM, role management, creation policy, rate limits) with
     * the given ones; other sites are untouched. An update of an unknown site stores nothing and throws nothing (as
     * an SQL {@code UPDATE} of no row): it creates no site, and the use cases answer an unknown site with a
     * {@code 404} before they update it.
     *
     * @param settings the site's new settings, naming the site they replace
     */
    void update(SiteSettings settings);

    /**
     * Every site, by name.
     *
     * @return the sites' names in ascending order; empty when there is none
     */
    List<SiteId> list();

    /**
     * The site's tokens, expired ones included, oldest first; empty for an unknown site.
     *
     * @param site the site whose tokens are read
     * @return the tokens as stored (hashes, never the tokens), by creation time
     */
    List<SiteToken> tokens(SiteId site);

    /**
     * Stores a new token of an existing site, joining the running transaction.
     *
     * @param token the token's id (unique, 16 hex digits Roster generated), site, name, hash, times and last use
     */
    void insertToken(SiteToken token);

    /**
     * Sets when the token stops working, replacing any expiry it had.
     *
     * @param site    the site of the token
     * @param tokenId the token's id, as {@link SiteToken#id()} gives it
     * @param at      the instant from which the token is refused
     * @return true when the token was changed; {@code false} if the site has no such token
     */
    boolean expireToken(SiteId site, String tokenId, Instant at);

    /**
     * Removes the token, so that it opens nothing from now on.
     *
     * @param site    the site of the token
     * @param tokenId the token's id, as {@link SiteToken#id()} gives it
     * @return true when a token was removed; {@code false} if the site has no such token
     */
    boolean deleteToken(SiteId site, String tokenId);

    /**
     * Removes the site's tokens whose expiry lies strictly before {@code now}; tokens without expiry stay.
     *
     * @param site the site whose tokens are trimmed
     * @param now  the current instant
     * @return how many tokens were removed
     */
    int deleteTokensExpiredBefore(SiteId site, Instant now);

    /**
     * Records a use of the token, unless one after {@code staleBefore} is recorded already: a conditional write,
     * so that servers sharing the database write it at most once per period between them. The core calls it at
     * most once a minute per token ({@link SiteToken#LAST_USE_GRANULARITY}) and ignores its failures.
     *
     * @param site          the site of the token
     * @param tokenId       the token's id, as {@link SiteToken#id()} gives it
     * @param at            when the token was used
     * @param clientAddress the client's address as the adapter saw it (an IP address, or {@code "unknown"})
     * @param staleBefore   a recorded use after this instant is fresh enough, and nothing is written
     * @return true when the use was written; false when a fresh one is recorded or the site has no such token
     */
    boolean recordTokenUse(SiteId site, String tokenId, Instant at, String clientAddress, Instant staleBefore);
}
