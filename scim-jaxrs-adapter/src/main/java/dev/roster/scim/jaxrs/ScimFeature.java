package dev.roster.scim.jaxrs;

import dev.roster.scim.core.port.in.Discovery;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.jaxrs.internal.auth.BearerTokenFilter;
import dev.roster.scim.jaxrs.internal.error.ScimExceptionMapper;
import dev.roster.scim.jaxrs.internal.error.UnexpectedExceptionMapper;
import dev.roster.scim.jaxrs.internal.error.WebApplicationExceptionMapper;
import dev.roster.scim.jaxrs.internal.json.DefaultContentTypeFilter;
import dev.roster.scim.jaxrs.internal.json.JsonBodyWriter;
import dev.roster.scim.jaxrs.internal.json.ScimJsonProvider;
import dev.roster.scim.jaxrs.internal.resource.DiscoveryResource;
import dev.roster.scim.jaxrs.internal.resource.UnsupportedResource;
import dev.roster.scim.jaxrs.internal.resource.UsersResource;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The SCIM 2.0 API of Roster for any JAX-RS application: register it and {@code /c/{site}/auth/scim/v2/…} serves
 * {@code Users}, the discovery endpoints and SCIM errors for everything else, behind the site's bearer token.
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()
 *     .register(new ScimFeature(scimUsers, discovery, siteAdministration, SiteResolver.byName()));
 * }</pre>
 */
public final class ScimFeature implements Feature {

    private final ScimUsers users;
    private final Discovery discovery;
    private final SiteAdministration sites;
    private final SiteResolver siteResolver;
    private final Optional<PublicBaseUrl> publicBaseUrl;

    /**
     * The feature over the core's use cases.
     *
     * @param users        the User use cases behind {@code /Users}
     * @param discovery    what {@code /ServiceProviderConfig}, {@code /Schemas} and {@code /ResourceTypes} show
     * @param sites        the sites: they check each request's bearer token, and their settings decide what
     *                     {@code /ServiceProviderConfig} says
     * @param siteResolver which site the {@code {site}} path segment names
     * @throws NullPointerException if any is null
     */
    public ScimFeature(ScimUsers users, Discovery discovery, SiteAdministration sites, SiteResolver siteResolver) {
        this(users, discovery, sites, siteResolver, Optional.empty());
    }

    private ScimFeature(ScimUsers users, Discovery discovery, SiteAdministration sites, SiteResolver siteResolver,
                        Optional<PublicBaseUrl> publicBaseUrl) {
        this.users = Objects.requireNonNull(users, "users");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.siteResolver = Objects.requireNonNull(siteResolver, "siteResolver");
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * The same feature, building every absolute URL of its responses ({@code Location}, {@code meta.location})
     * from {@code url} — where clients reach the application's root — instead of the request's {@code Host}
     * header, which any client can forge. Without it the URLs follow the container's idea of the request URL.
     *
     * @param url where clients reach the JAX-RS application's root, such as {@code https://app.example.com/api}
     * @return a new feature; this one is unchanged
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL without query or fragment
     */
    public ScimFeature withPublicBaseUrl(URI url) {
        return new ScimFeature(users, discovery, sites, siteResolver, Optional.of(PublicBaseUrl.of(url)));
    }

    /**
     * Registers the resources, filters, JSON provider and exception mappers; the JAX-RS runtime calls this as it
     * builds the application.
     *
     * @param context the application's configuration
     * @return true: the feature is always enabled
     */
    @Override
    public boolean configure(FeatureContext context) {
        // Before matching, in this order: the public URL first, so that even a refusal's URLs use it.
        publicBaseUrl.ifPresent(url -> context.register(url, 10));
        context.register(new RequestHeaders(), 20);
        context.register(new ScimJsonProvider());
        context.register(new JsonBodyWriter());
        context.register(new DefaultContentTypeFilter());
        BearerTokenFilter bearerTokens = new BearerTokenFilter(sites, siteResolver);
        context.register(bearerTokens, Priorities.AUTHENTICATION);
        context.register(bearerTokens.afterMatching(), Priorities.AUTHENTICATION);
        context.register(new ScimExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        context.register(new UsersResource(users, siteResolver));
        context.register(new DiscoveryResource(discovery, users, siteResolver));
        context.register(new UnsupportedResource());
        return true;
    }
}
