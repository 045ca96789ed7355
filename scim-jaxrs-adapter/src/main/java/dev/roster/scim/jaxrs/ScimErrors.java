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

    /** The schema URN every SCIM Error response lists in {@code schemas} (RFC 7644 §3.12). */
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrors() {
    }

    /**
     * The SCIM Error response for an error type.
     *
     * <pre>{@code
     * return ScimErrors.response(ScimErrorType.NOT_FOUND, "No site is named 'x'.", ScimErrors.acceptedBy(headers));
     * }</pre>
     *
     * @param type     what went wrong, which gives the status and {@code scimType}
     * @param detail   what the client should fix
     * @param accepted the media types the client accepts, most preferred first (empty: anything)
     * @return the response, in the media type {@link #mediaTypeFor} picks
     */
    public static Response response(ScimErrorType type, String detail, List<MediaType> accepted) {
        return response(type.status(), type.scimType(), detail, accepted);
    }

    /**
     * A SCIM Error response of any status.
     *
     * @param status   the HTTP status
     * @param scimType the {@code scimType} keyword, where RFC 7644 §3.12 defines one
     * @param detail   what the client should fix
     * @param accepted the media types the client accepts, most preferred first (empty: anything)
     * @return the response, in the media type {@link #mediaTypeFor} picks, with the {@link #body} as its entity
     */
    public static Response response(int status, Optional<String> scimType, String detail, List<MediaType> accepted) {
        return Response.status(status)
                .type(mediaTypeFor(accepted))
                .entity(body(status, scimType, detail))
                .build();
    }

    /**
     * The body of a SCIM Error response.
     *
     * @param status   the HTTP status, written as a string as RFC 7644 §3.12 requires
     * @param scimType the {@code scimType} keyword, left out when empty
     * @param detail   what the client should fix
     * @return <code>{"schemas": [ERROR_SCHEMA], "status": "400", "scimType": …, "detail": …}</code>
     */
    public static ScimObject body(int status, Optional<String> scimType, String detail) {
        ScimObject.Builder body = ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(ERROR_SCHEMA)))
                .put("status", Integer.toString(status));
        scimType.ifPresent(type -> body.put("scimType", type));
        return body.put("detail", detail).build();
    }

    /**
     * The media types the request accepts; an Accept header that does not parse counts as accepting anything, so
     * that an error about it can still be answered.
     *
     * @param headers the request's headers as JAX-RS injects them; null outside a request
     * @return the accepted types, most preferred first; empty for anything
     */
    public static List<MediaType> acceptedBy(HttpHeaders headers) {
        return headers == null ? List.of() : safely(headers::getAcceptableMediaTypes);
    }

    /**
     * The media types the request accepts, from a filter; as {@link #acceptedBy(HttpHeaders)}.
     *
     * @param request the request
     * @return the accepted types, most preferred first; empty for anything
     */
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

    /**
     * The media type of a SCIM response: {@code application/scim+json} (RFC 7644 §3.1), unless the client accepts
     * {@code application/json} and not that.
     *
     * @param accepted the media types the client accepts (empty: anything)
     * @return {@code application/json} for clients that accept only that, else {@code application/scim+json}
     */
    public static MediaType mediaTypeFor(List<MediaType> accepted) {
        boolean scim = accepted.isEmpty() || accepted.stream().anyMatch(type -> type.isCompatible(ScimMediaTypes.SCIM_JSON_TYPE));
        boolean json = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        return !scim && json ? MediaType.APPLICATION_JSON_TYPE : ScimMediaTypes.SCIM_JSON_TYPE;
    }
}
