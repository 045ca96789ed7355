package dev.roster.scim.jaxrs.internal.error;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The core's refusals as SCIM Error responses, with the status and {@code scimType} the core chose. */
@Provider
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ScimException exception) {
        return ScimErrors.response(exception.type(), exception.detail(), ScimErrors.acceptedBy(headers));
    }
}
