package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;

import java.util.List;
import java.util.Optional;

/**
 * Where sites and their SCIM settings live (the token only as its hash). {@code SiteStoreContract} (core test-jar)
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
}
