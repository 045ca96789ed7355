package dev.roster.scim.jaxrs;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds SCIM Error responses (RFC 7644 §3.12): {@code schemas}, {@code status} as a string, {@code scimType}, {@code detail}. */
public final class ScimErrors {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrors() {
    }

    /** @param accepted the media types the client accepts, most preferred first (empty: anything) */
    public static Response response(ScimErrorType type, String detail, List<MediaType> accepted) {
        return response(type.status(), type.scimType(), detail, accepted);
    }

    public static Response response(int status, Optional<String> scimType, String detail, List<MediaType> accepted) {
        return Response.status(status)
                .type(mediaTypeFor(accepted))
                .entity(body(status, scimType, detail))
                .build();
    }

    public static ScimObject body(int status, Optional<String> scimType, String detail) {
        ScimObject.Builder body = ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(ERROR_SCHEMA)))
                .put("status", Integer.toString(status));
        scimType.ifPresent(type -> body.put("scimType", type));
        return body.put("detail", detail).build();
    }

    /** The media types the request accepts; an Accept header that does not parse counts as accepting anything. */
    public static List<MediaType> acceptedBy(HttpHeaders headers) {
        return headers == null ? List.of() : safely(headers::getAcceptableMediaTypes);
    }

    public static List<MediaType> acceptedBy(ContainerRequestContext request) {
        return safely(request::getAcceptableMediaTypes);
    }

    private static List<MediaType> safely(Supplier<List<MediaType>> accepted) {
        try {
            return accepted.get();
        } catch (RuntimeException unparseableAcceptHeader) {
            return List.of();
        }
    }

    /** {@code application/json} for clients that accept only that, else {@code application/scim+json}. */
    public static MediaType mediaTypeFor(List<MediaType> accepted) {
        boolean scim = accepted.isEmpty() || accepted.stream().anyMatch(type -> type.isCompatible(ScimMediaTypes.SCIM_JSON_TYPE));
        boolean json = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        return !scim && json ? MediaType.APPLICATION_JSON_TYPE : ScimMediaTypes.SCIM_JSON_TYPE;
    }
}
