package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.mapping.WrittenUser;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.CreateOutcome;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import dev.roster.scim.jaxrs.ScimPaths;
import dev.roster.scim.jaxrs.SiteResolver;
import dev.roster.scim.jaxrs.internal.auth.AdmittedRequests;
import dev.roster.scim.jaxrs.internal.json.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /Users} (RFC 7644 §3.2–§3.6): translates HTTP to the {@link ScimUsers} use case and its results back to
 * SCIM JSON. It decides nothing itself.
 */
@ScimEndpoint
@Path(ScimPaths.BASE + "/Users")
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class UsersResource {

    private final ScimUsers users;
    private final SiteResolver siteResolver;

    public UsersResource(ScimUsers users, SiteResolver siteResolver) {
        this.users = users;
        this.siteResolver = siteResolver;
    }

    @GET
    public JsonBody search(@PathParam(ScimPaths.SITE_PARAMETER) String site,
                             @QueryParam("filter") String filter,
                             @QueryParam("startIndex") String startIndex,
                             @QueryParam("count") String count,
                             @QueryParam("sortBy") String sortBy,
                             @QueryParam("sortOrder") String sortOrder,
                             @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excludedAttributes,
                             @QueryParam("cursor") String cursor,
                             @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        Map<String, String> parameters = new HashMap<>();
        parameters.put("filter", filter);
        parameters.put("startIndex", startIndex);
        parameters.put("count", count);
        parameters.put("sortBy", sortBy);
        parameters.put("sortOrder", sortOrder);
        parameters.put("cursor", cursor);
        SearchRequest request = SearchRequest.fromQuery(parameters);
        return list(admitted(context), site, request, requested(attributes, excludedAttributes), uri);
    }

    @POST
    @Path(".search")
    public JsonBody searchByPost(@PathParam(ScimPaths.SITE_PARAMETER) String site, ScimObject body,
                                   @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        SearchRequest request = SearchRequest.fromBody(body);
        return list(admitted(context), site, request, RequestedAttributes.fromBody(body), uri);
    }

    @POST
    public Response create(@PathParam(ScimPaths.SITE_PARAMETER) String site, ScimObject body,
                           @QueryParam("attributes") String attributes,
                           @QueryParam("excludedAttributes") String excludedAttributes,
                           @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        // Read before the write, so that malformed names refuse the request instead of answering a done write with 400.
        RequestedAttributes requested = requested(attributes, excludedAttributes);
        CreateOutcome outcome = admitted(context).create(site(site), body);
        URI location = UserLocations.of(uri, site).uriOf(outcome.user().id());
        return Response.created(location)
                .tag(ScimResponses.etag(outcome.user()))
                .entity(users.render(outcome.user(), location.toString(), requested))
                .build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam(ScimPaths.SITE_PARAMETER) String site, @PathParam("id") String id,
                        @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excludedAttributes,
                        @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        Request request = context.getRequest();
        RequestedAttributes requested = requested(attributes, excludedAttributes);
        ScimUsers bound = admitted(context);
        SiteId siteId = site(site);
        if (requested.isDefault()) {
            Optional<StoredRendering> stored = bound.getRendered(siteId, id);
            if (stored.isPresent()) {
                return rendered(stored.get(), site, uri, request);
            }
        }
        User user = bound.get(siteId, id);
        Optional<Response> unchanged = notModified(request, ScimResponses.etag(user));
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        return ok(user, site, uri, requested);
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam(ScimPaths.SITE_PARAMETER) String site, @PathParam("id") String id,
                            ScimObject body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @QueryParam("attributes") String attributes,
                            @QueryParam("excludedAttributes") String excludedAttributes,
                            @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        RequestedAttributes requested = requested(attributes, excludedAttributes);
        WrittenUser written = admitted(context).replaceRendered(site(site), id, body, RequestValues.text(ifMatch));
        return ok(written, site, uri, requested);
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam(ScimPaths.SITE_PARAMETER) String site, @PathParam("id") String id,
                          ScimObject body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excludedAttributes,
                          @Context ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        RequestedAttributes requested = requested(attributes, excludedAttributes);
        WrittenUser written = admitted(context).patchRendered(site(site), id, body, RequestValues.text(ifMatch));
        return ok(written, site, uri, requested);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam(ScimPaths.SITE_PARAMETER) String site, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Context ContainerRequestContext context) {
        admitted(context).delete(site(site), id, RequestValues.text(ifMatch));
        return Response.noContent().build();
    }

    /**
     * The {@code 304} of a conditional GET whose {@code If-None-Match} holds {@code etag}, or empty to answer in full.
     * A malformed {@code If-None-Match} is the client's error: Jersey's parser fails on it with an exception.
     */
    private static Optional<Response> notModified(Request request, EntityTag etag) {
        try {
            return Optional.ofNullable(request.evaluatePreconditions(etag)).map(builder -> builder.tag(etag).build());
        } catch (RuntimeException malformed) {
            throw new ScimException(ScimErrorType.BAD_REQUEST,
                    "If-None-Match must be * or a list of entity tags such as W/\"3\".");
        }
    }

    /**
     * Without a projection, from the store's renderings when it keeps them (ADR 026); either way built whole before it
     * is written (ADR 049), with {@code meta.location} from one base for the page.
     */
    private JsonBody list(ScimUsers bound, String site, SearchRequest request, RequestedAttributes requested,
                                 UriInfo uri) {
        SiteId siteId = site(site);
        boolean totalsOnly = request.count().isPresent() && request.count().getAsInt() <= 0;
        UserLocations locations = UserLocations.of(uri, site);
        if (requested.isDefault()) {
            Optional<RenderedPage> rendered = bound.searchRendered(siteId, request);
            if (rendered.isPresent()) {
                return RenderedListResponse.of(rendered.get(), locations, totalsOnly);
            }
        }
        return ListResponseOutput.users(bound.search(siteId, request),
                user -> bound.render(user, locations.of(user.id()), requested), totalsOnly);
    }

    /** A read without a projection, from the store's rendering (ADR 034); its ETag is the version it renders. */
    private static Response rendered(StoredRendering stored, String site, UriInfo uri, Request request) {
        EntityTag etag = ScimResponses.etag(stored.version());
        Optional<Response> unchanged = notModified(request, etag);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        UserLocations locations = UserLocations.of(uri, site);
        return Response.ok(RenderedListResponse.user(stored.user(), locations))
                .tag(etag)
                .location(locations.uriOf(stored.user().id()))
                .build();
    }

    /** A write's answer: without a projection, the very text the write stored (ADR 034), else rendered. */
    private Response ok(WrittenUser written, String site, UriInfo uri, RequestedAttributes requested) {
        User user = written.user();
        UserLocations locations = UserLocations.of(uri, site);
        URI location = locations.uriOf(user.id());
        Object entity = requested.isDefault() && written.rendering().isPresent()
                ? RenderedListResponse.user(written.rendering().get(), locations)
                : users.render(user, location.toString(), requested);
        return Response.ok(entity)
                .tag(ScimResponses.etag(user))
                .location(location)
                .build();
    }

    private Response ok(User user, String site, UriInfo uri, RequestedAttributes requested) {
        return ok(new WrittenUser(user, Optional.empty()), site, uri, requested);
    }

    /** The use cases with the settings that admitted this request (ADR 034), so that it reads them once. */
    private ScimUsers admitted(ContainerRequestContext context) {
        return AdmittedRequests.bound(users, context);
    }

    private SiteId site(String segment) {
        return siteResolver.resolve(segment)
                .orElseThrow(() -> ScimException.notFound("There is no such site."));
    }

    private static RequestedAttributes requested(String attributes, String excludedAttributes) {
        return RequestedAttributes.of(RequestValues.text(attributes), RequestValues.text(excludedAttributes));
    }
}
