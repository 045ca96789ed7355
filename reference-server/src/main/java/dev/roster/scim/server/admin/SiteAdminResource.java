package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.LocalUserAdministration;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /c/{site}/admin/api}: a site's SCIM settings, its token, its users, its pending identities (assigned in the
 * IdP, not signed in yet) and the audit trail, for the site administrator (HTTP Basic). Translates to the core's {@link SiteAdministration} and
 * {@link LocalUserAdministration}.
 */
@AdminEndpoint
@Path("c/{site}/admin/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
public final class SiteAdminResource {

    private static final int DEFAULT_AUDIT_LIMIT = 50;
    private static final int MAX_AUDIT_LIMIT = 500;

    private final SiteAdministration sites;
    private final LocalUserAdministration users;
    private final Clock clock;

    public SiteAdminResource(SiteAdministration sites, LocalUserAdministration users, Clock clock) {
        this.sites = sites;
        this.users = users;
        this.clock = clock;
    }

    @GET
    @Path("settings")
    public ScimObject settings(@PathParam("site") String site, @Context UriInfo uri) {
        var settings = sites.settings(site(site));
        return AdminJson.settings(settings, SitesResource.scimBase(uri, settings), sites.tokens(settings.site()));
    }

    @PATCH
    @Path("settings")
    public ScimObject updateSettings(@PathParam("site") String site, ScimObject body, @Context UriInfo uri) {
        ScimObject change = AdminJson.body(body);
        SettingsChange settingsChange = new SettingsChange(RequestValues.bool(change, "ssoConfigured"),
                RequestValues.bool(change, "scimEnabled"), RequestValues.bool(change, "manageRoles"),
                AdminJson.creationPolicy(change), AdminJson.siteRateLimit(change), AdminJson.tokenRateLimit(change));
        var settings = sites.updateSettings(site(site), settingsChange);
        return AdminJson.settings(settings, SitesResource.scimBase(uri, settings), sites.tokens(settings.site()));
    }

    /** A token named "token" that replaces the others at once, as before sites had several. */
    @POST
    @Path("scim-token")
    public Response generateToken(@PathParam("site") String site) {
        return generated(sites.generateToken(site(site)));
    }

    @GET
    @Path("tokens")
    public ScimObject tokens(@PathParam("site") String site) {
        Instant now = clock.instant();
        return ScimObject.builder()
                .put("tokens", new ScimArray(sites.tokens(site(site)).stream()
                        .<ScimValue>map(token -> AdminJson.token(token, now)).toList()))
                .build();
    }

    /**
     * A new token: {@code name}, {@code expiresAt} (an RFC 3339 instant; absent or null: never), and what becomes
     * of the others: {@code overlapMinutes} (default 0: they stop at once) or {@code keepOthers: true}.
     */
    @POST
    @Path("tokens")
    public Response createToken(@PathParam("site") String site, ScimObject body) {
        return generated(sites.generateToken(site(site), AdminJson.tokenRequest(AdminJson.body(body))));
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revokeToken(@PathParam("site") String site, @PathParam("id") String id) {
        sites.revokeToken(site(site), id);
        return Response.noContent().build();
    }

    private Response generated(GeneratedToken token) {
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(AdminJson.generated(token, clock.instant()))
                .build();
    }

    @GET
    @Path("users")
    public ScimObject users(@PathParam("site") String site, @QueryParam("filter") String filter,
                            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        UserPage page = users.users(site(site), searchRequest(filter, startIndex, count));
        return ScimObject.builder()
                .put("totalResults", ScimValue.of(page.totalResults()))
                .put("startIndex", ScimValue.of(page.startIndex()))
                .put("users", new ScimArray(page.users().stream().<ScimValue>map(AdminJson::user).toList()))
                .build();
    }

    /** People the IdP assigned who have not signed in yet; the same parameters as {@code users}. */
    @GET
    @Path("pending-identities")
    public ScimObject pendingIdentities(@PathParam("site") String site, @QueryParam("filter") String filter,
                                        @QueryParam("startIndex") String startIndex,
                                        @QueryParam("count") String count) {
        UserPage page = users.pendingIdentities(site(site), searchRequest(filter, startIndex, count));
        return ScimObject.builder()
                .put("totalResults", ScimValue.of(page.totalResults()))
                .put("startIndex", ScimValue.of(page.startIndex()))
                .put("pendingIdentities", new ScimArray(page.users().stream()
                        .<ScimValue>map(AdminJson::pendingIdentity).toList()))
                .build();
    }

    @POST
    @Path("users/{id}/deactivate")
    public ScimObject deactivate(@PathParam("site") String site, @PathParam("id") String id) {
        return AdminJson.user(users.deactivate(site(site), id));
    }

    @POST
    @Path("users/{id}/reactivate")
    public ScimObject reactivate(@PathParam("site") String site, @PathParam("id") String id) {
        return AdminJson.user(users.reactivate(site(site), id));
    }

    @POST
    @Path("users/{id}/restore")
    public ScimObject restore(@PathParam("site") String site, @PathParam("id") String id) {
        return AdminJson.user(users.restore(site(site), id));
    }

    @PUT
    @Path("users/{id}/role")
    public ScimObject setRole(@PathParam("site") String site, @PathParam("id") String id, ScimObject body) {
        String value = RequestValues.requiredText(AdminJson.body(body), "role");
        Role role = Role.fromScimValue(value).orElseThrow(() -> ScimException.invalidValue(
                "'role' must be one of Registered, Moderator or Admin, not '" + value + "'."));
        return AdminJson.user(users.setRole(site(site), id, role));
    }

    @GET
    @Path("audit")
    public ScimObject audit(@PathParam("site") String site, @QueryParam("limit") String limit,
                            @QueryParam("userId") String userId) {
        int size = Math.min(MAX_AUDIT_LIMIT,
                Math.max(1, RequestValues.integer("limit", limit).orElse(DEFAULT_AUDIT_LIMIT)));
        SiteId siteId = site(site);
        var records = userId == null || userId.isBlank()
                ? users.recentChanges(siteId, size)
                : users.changesOf(siteId, userId, size);
        return ScimObject.builder()
                .put("records", new ScimArray(records.stream().<ScimValue>map(AdminJson::audit).toList()))
                .build();
    }

    private static SearchRequest searchRequest(String filter, String startIndex, String count) {
        return new SearchRequest(RequestValues.text(filter), Optional.empty(), Optional.empty(),
                RequestValues.integer("startIndex", startIndex), RequestValues.integer("count", count));
    }

    private static SiteId site(String name) {
        if (!SiteId.isValid(name)) {
            throw ScimException.notFound("There is no site '" + name + "'.");
        }
        return SiteId.of(name);
    }
}
