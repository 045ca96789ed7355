package dev.roster.scim.server.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/assets/{name}}: the admin page's stylesheet and script. Names come from a fixed allow-list, so
 * no part of a request path reaches the classpath lookup and there is nothing to traverse.
 */
@Path("admin/assets/{name}")
public final class AdminAssetsResource {

    private static final Map<String, String> TYPES = Map.of(
            "admin.css", "text/css; charset=utf-8",
            "admin.js", "text/javascript; charset=utf-8");

    @GET
    public Response asset(@PathParam("name") String name) {
        return Optional.ofNullable(TYPES.get(name))
                .map(type -> WebFiles.file(name, type))
                .orElseGet(WebFiles::notFound);
    }
}
