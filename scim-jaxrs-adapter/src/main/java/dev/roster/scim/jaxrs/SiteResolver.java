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

    /**
     * The site for the {@code {site}} path segment.
     *
     * @param siteSegment the segment, decoded
     * @return the site; empty when there is none, which answers the request {@code 401} like a wrong token, so
     *         that a client cannot tell which sites exist
     */
    Optional<SiteId> resolve(String siteSegment);

    /**
     * The resolver that takes the segment as the site's name, as the reference server does.
     *
     * @return a resolver that answers {@link SiteId#of} of a valid name, empty for any other segment
     */
    static SiteResolver byName() {
        return segment -> SiteId.isValid(segment) ? Optional.of(SiteId.of(segment)) : Optional.empty();
    }

    /**
     * The resolver for a single-tenant application: one site, whatever the segment says.
     *
     * @param site the application's only site
     * @return a resolver that always answers {@code site}
     */
    static SiteResolver fixed(SiteId site) {
        return segment -> Optional.of(site);
    }
}
