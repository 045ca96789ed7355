package dev.roster.scim.jaxrs;

import dev.roster.scim.core.model.SiteId;

import java.util.Optional;

/**
 * Which site a request under {@code /c/{site}/auth/scim/v2} is for: the port through which an embedder decides
 * how sites map to tenants. {@link #byName()} takes the path segment as the site's name (the reference server);
 * {@link #fixed(SiteId)} serves one site whatever the segment says (a single-tenant application).
 */
@FunctionalInterface
public interface SiteResolver {

    /** The site for the {@code {site}} path segment; empty when there is none (the request is unauthenticated). */
    Optional<SiteId> resolve(String siteSegment);

    static SiteResolver byName() {
        return segment -> SiteId.isValid(segment) ? Optional.of(SiteId.of(segment)) : Optional.empty();
    }

    static SiteResolver fixed(SiteId site) {
        return segment -> Optional.of(site);
    }
}
