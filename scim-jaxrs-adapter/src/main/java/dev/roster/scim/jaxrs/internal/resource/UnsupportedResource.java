package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.jaxrs.RequestValues;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.OptionalInt;

/**
 * What Roster does not serve, answered in SCIM terms. {@code GET /Groups} is an empty ListResponse rather than a
 * 404, because identity providers probe it while testing a connection and give up on a 404; every write to
 * {@code /Groups}, and {@code /Bulk} and {@code /Me}, is {@code 501 Not Implemented} (RFC 7644 §3.12: "Service
 * provider does not support the request operation").
 */
@ScimEndpoint
@Path(ScimPaths.BASE)
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class UnsupportedResource {

    @GET
    @Path("Groups")
    public ScimObject groups(@QueryParam("startIndex") String startIndex) {
        OptionalInt start = RequestValues.integer("startIndex", startIndex);
        return ScimResponses.listResponse(0, Math.max(1, start.orElse(1)), List.of(), false);
    }

    @GET
    @Path("Groups/{id}")
    public ScimObject group() {
        throw ScimException.notFound("There is no such group: this service provider manages users only.");
    }

    @POST
    @Path("Groups")
    public ScimObject createGroup() {
        throw notImplemented("Groups are not supported: this service provider manages users only.");
    }

    @PUT
    @Path("Groups/{id}")
    public ScimObject replaceGroup() {
        throw notImplemented("Groups are not supported: this service provider manages users only.");
    }

    @PATCH
    @Path("Groups/{id}")
    public ScimObject patchGroup() {
        throw notImplemented("Groups are not supported: this service provider manages users only.");
    }

    @DELETE
    @Path("Groups/{id}")
    public ScimObject deleteGroup() {
        throw notImplemented("Groups are not supported: this service provider manages users only.");
    }

    @POST
    @Path("Bulk")
    public ScimObject bulk() {
        throw notImplemented("Bulk operations are not supported (see /ServiceProviderConfig).");
    }

    @GET
    @Path("Me")
    public ScimObject me() {
        throw notImplemented("/Me is not supported: requests are made by an identity provider, not a user.");
    }

    private static ScimException notImplemented(String detail) {
        return new ScimException(ScimErrorType.NOT_IMPLEMENTED, detail);
    }
}
