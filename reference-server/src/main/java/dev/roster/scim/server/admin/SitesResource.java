package dev.roster.scim.server.admin;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/** {@code /admin/api/sites}: create and list sites. */
@AdminEndpoint
@Path("admin/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
public final class SitesResource {

    private final SiteAdministration sites;

    public SitesResource(SiteAdministration sites) {
        this.sites = sites;
    }

    @POST
    public Response create(ScimObject body, @Context UriInfo uri) {
        SiteSettings created = sites.createSite(RequestValues.requiredText(AdminJson.body(body), "site"));
        URI settings = uri.getBaseUriBuilder().path(SiteAdminResource.class).path("settings")
                .build(created.site().value());
        return Response.created(settings).entity(AdminJson.settings(created, scimBase(uri, created), List.of())).build();
    }

    @GET
    public ScimObject list() {
        return ScimObject.builder()
                .put("sites", new ScimArray(sites.sites().stream()
                        .<ScimValue>map(site -> ScimValue.of(site.value())).toList()))
                .build();
    }

    static URI scimBase(UriInfo uri, SiteSettings settings) {
        return uri.getBaseUriBuilder().path(ScimPaths.BASE).build(settings.site().value());
    }
}
