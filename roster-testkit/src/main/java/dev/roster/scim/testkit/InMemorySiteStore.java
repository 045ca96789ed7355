package dev.roster.scim.testkit;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.out.SiteStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link SiteStore} in a map; {@link SiteStoreContract} holds it to the same rules as the SQL store. */
public final class InMemorySiteStore implements SiteStore, Restorable {

    private final Map<SiteId, SiteSettings> sites = new TreeMap<>(Comparator.comparing(SiteId::value));

    @Override
    public synchronized Optional<SiteSettings> find(SiteId site) {
        return Optional.ofNullable(sites.get(site));
    }

    @Override
    public synchronized void insert(SiteSettings settings) {
        if (sites.containsKey(settings.site())) {
            throw ScimException.conflict("A site named '" + settings.site() + "' exists.");
        }
        sites.put(settings.site(), settings);
    }

    @Override
    public synchronized void update(SiteSettings settings) {
        if (!sites.containsKey(settings.site())) {
            throw new IllegalArgumentException("no site " + settings.site());
        }
        sites.put(settings.site(), settings);
    }

    @Override
    public synchronized List<SiteId> list() {
        return List.copyOf(sites.keySet());
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<SiteId, SiteSettings> copy = Map.copyOf(sites);
        return () -> {
            synchronized (this) {
                sites.clear();
                sites.putAll(copy);
            }
        };
    }
}
