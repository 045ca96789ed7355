package dev.roster.scim.server.web;

import dev.roster.scim.core.model.SiteId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /c/{site}/admin/scim}: the site's "SCIM integration" admin page, for any valid site name. The page
 * holds no data and needs no credentials: its script signs in to the admin API, which checks the admin password
 * and answers 404 for a site that does not exist.
 */
@Path("c/{site}/admin/scim")
public final class AdminPageResource {

    @GET
    public Response page(@PathParam("site") String site) {
        return SiteId.isValid(site) ? WebFiles.file("admin-scim.html", "text/html; charset=utf-8")
                : WebFiles.notFound();
    }
}
