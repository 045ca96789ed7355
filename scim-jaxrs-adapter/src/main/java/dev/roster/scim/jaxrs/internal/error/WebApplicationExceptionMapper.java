package dev.roster.scim.jaxrs.internal.error;

import dev.roster.scim.jaxrs.ScimErrors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * The JAX-RS runtime's own failures (no such path, wrong method, unacceptable or unsupported media type) as SCIM
 * Error bodies instead of the container's HTML pages. Headers the runtime set, such as {@code Allow} on a 405,
 * are kept.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder response = Response.fromResponse(ScimErrors.response(status, Optional.empty(),
                detailFor(exception, status), ScimErrors.acceptedBy(headers)));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private static String detailFor(WebApplicationException exception, int status) {
        if (exception instanceof NotFoundException) {
            return "There is no such resource or endpoint.";
        }
        if (exception instanceof NotAllowedException) {
            return "This method is not allowed here.";
        }
        if (exception instanceof NotAcceptableException) {
            return "The response can be application/scim+json or application/json; the Accept header allows neither.";
        }
        if (exception instanceof NotSupportedException) {
            return "The request body must be application/scim+json or application/json.";
        }
        return Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                ? "The request could not be processed."
                : "The server could not process the request.";
    }
}
