package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.Discovery;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import dev.roster.scim.jaxrs.ScimPaths;
import dev.roster.scim.jaxrs.SiteResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/**
 * The discovery endpoints (RFC 7644 §4): what this service provider supports, its resource types and schemas. The
 * ServiceProviderConfig is the site's: it says what its creation policy makes of a {@code POST /Users}.
 */
@ScimEndpoint
@Path(ScimPaths.BASE)
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class DiscoveryResource {

    private final Discovery discovery;
    private final ScimUsers users;
    private final SiteResolver siteResolver;

    public DiscoveryResource(Discovery discovery, ScimUsers users, SiteResolver siteResolver) {
        this.discovery = discovery;
        this.users = users;
        this.siteResolver = siteResolver;
    }

    @GET
    @Path("ServiceProviderConfig")
    public ScimObject serviceProviderConfig(@PathParam(ScimPaths.SITE_PARAMETER) String site,
                                            @Context UriInfo uri) {
        SiteId siteId = siteResolver.resolve(site)
                .orElseThrow(() -> ScimException.notFound("There is no such site."));
        // The policy POST /Users follows, the server's default included: one answer for both endpoints.
        ScimObject config = discovery.serviceProviderConfig(users.creationPolicy(siteId));
        return ScimResponses.withLocation(config, uri.getAbsolutePath());
    }

    @GET
    @Path("ResourceTypes")
    public ScimObject resourceTypes(@PathParam(ScimPaths.SITE_PARAMETER) String site, @Context UriInfo uri) {
        return listed(discovery.resourceTypes(), "ResourceTypes", "id", site, uri);
    }

    @GET
    @Path("ResourceTypes/{id}")
    public ScimObject resourceType(@PathParam("id") String id, @Context UriInfo uri) {
        return discovery.resourceType(id)
                .map(type -> ScimResponses.withLocation(type, uri.getAbsolutePath()))
                .orElseThrow(() -> ScimException.notFound("There is no resource type '" + id + "'."));
    }

    @GET
    @Path("Schemas")
    public ScimObject schemas(@PathParam(ScimPaths.SITE_PARAMETER) String site, @Context UriInfo uri) {
        return listed(discovery.schemas(), "Schemas", "id", site, uri);
    }

    @GET
    @Path("Schemas/{id}")
    public ScimObject schema(@PathParam("id") String id, @Context UriInfo uri) {
        return discovery.schema(id)
                .map(schema -> ScimResponses.withLocation(schema, uri.getAbsolutePath()))
                .orElseThrow(() -> ScimException.notFound("There is no schema '" + id + "'."));
    }

    private static ScimObject listed(List<ScimObject> resources, String endpoint, String idMember, String site,
                                     UriInfo uri) {
        List<ScimObject> located = resources.stream()
                .map(resource -> ScimResponses.withLocation(resource, location(uri, site, endpoint,
                        resource.getString(idMember).orElse(""))))
                .toList();
        return ScimResponses.listResponse(located.size(), 1, located, false);
    }

    private static URI location(UriInfo uri, String site, String endpoint, String id) {
        return uri.getBaseUriBuilder().path(DiscoveryResource.class).path(endpoint).path(id).build(site);
    }
}
