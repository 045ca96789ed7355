package dev.roster.scim.core.service;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.out.SiteStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What admission reads of a site, kept by this server under the site's settings version (ADR 029). Each use reads
 * the version, one value by primary key; the store changes it in the transaction of every change to the site's
 * settings or tokens, so a snapshot whose version is still the stored one holds what the store holds, for this
 * server and every other sharing the database. The version is read before the settings and tokens, so a snapshot is
 * never older than its version says: a change between the reads only costs a second load. Expiry is no part of
 * what is cached: the caller checks each token against the clock at each use.
 *
 * <p>Entries exist only for sites the store knows, so a client cannot grow the map with invented names.
 */
final class SiteSnapshots {

    private final SiteStore store;
    private final ConcurrentMap<SiteId, SiteSnapshot> current = new ConcurrentHashMap<>();

    SiteSnapshots(SiteStore store) {
        this.store = store;
    }

    /** The site's settings and tokens as stored now; empty for an unknown site. */
    Optional<SiteSnapshot> of(SiteId site) {
        OptionalLong version = store.settingsVersion(site);
        if (version.isEmpty()) {
            current.remove(site);
            return Optional.empty();
        }
        SiteSnapshot cached = current.get(site);
        if (cached != null && cached.version() == version.getAsLong()) {
            return Optional.of(cached);
        }
        Optional<SiteSettings> settings = store.find(site);
        if (settings.isEmpty()) {
            current.remove(site);
            return Optional.empty();
        }
        SiteSnapshot loaded = new SiteSnapshot(version.getAsLong(), settings.get(), store.tokens(site));
        current.put(site, loaded);
        return Optional.of(loaded);
    }

    /**
     * A site's settings and tokens under one version, and when this server last wrote (or tried to write) each
     * token's use: the "is a use record due" check costs no read, and on a miss of the cache the stored time counts.
     */
    record SiteSnapshot(long version, SiteSettings settings, List<SiteToken> tokens,
                        ConcurrentMap<String, Instant> useWritten) {

        SiteSnapshot(long version, SiteSettings settings, List<SiteToken> tokens) {
            this(version, settings, List.copyOf(tokens), new ConcurrentHashMap<>());
        }

        /** Whether the token's last use, as stored or as this server last wrote it, is stale at {@code now}. */
        boolean useRecordDue(SiteToken token, Instant now) {
            Instant written = useWritten.get(token.id());
            return written == null ? token.lastUseIsStaleAt(now)
                    : !written.plus(SiteToken.LAST_USE_GRANULARITY).isAfter(now);
        }

        /** Remembers that this server wrote (or tried to write) the token's use at {@code now}. */
        void useWritten(SiteToken token, Instant now) {
            useWritten.put(token.id(), now);
        }
    }
}
