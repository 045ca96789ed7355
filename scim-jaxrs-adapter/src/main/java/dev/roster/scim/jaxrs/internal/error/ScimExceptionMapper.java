package dev.roster.scim.jaxrs.internal.error;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;

/**
 * The core's refusals as SCIM Error responses, with the status and {@code scimType} the core chose. A refusal caused
 * by a failure of something the core called (the host's {@code Accounts} in the side-car way) is logged with its
 * cause under a correlation id that the response also carries, as {@link UnexpectedExceptionMapper} does: the
 * detail says what the client may know, the log what the operator needs. A {@code 503} (a database that aborted the
 * write or had no connection free) carries {@code Retry-After: 1}: the failure is transient, and IdPs that honour the
 * header come back once the contention has passed.
 */
@Provider
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    private static final System.Logger LOG = System.getLogger(ScimExceptionMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "1";

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ScimException exception) {
        if (exception.getCause() == null) {
            return withRetryAfter(exception, Response.fromResponse(ScimErrors.response(exception.type(),
                    exception.detail(), ScimErrors.acceptedBy(headers)))).build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, exception.detail() + " Correlation id " + correlationId,
                exception.getCause());
        return withRetryAfter(exception, Response.fromResponse(ScimErrors.response(exception.type(),
                        exception.detail() + " Quote correlation id " + correlationId + " when reporting it.",
                        ScimErrors.acceptedBy(headers))))
                .header(UnexpectedExceptionMapper.CORRELATION_HEADER, correlationId)
                .build();
    }

    private static Response.ResponseBuilder withRetryAfter(ScimException exception, Response.ResponseBuilder response) {
        return exception.type() == ScimErrorType.UNAVAILABLE ? response.header("Retry-After", RETRY_AFTER_SECONDS)
                : response;
    }
}
