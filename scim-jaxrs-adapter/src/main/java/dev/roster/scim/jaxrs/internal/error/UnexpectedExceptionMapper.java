package dev.roster.scim.jaxrs.internal.error;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;

/**
 * The last resort: a 500 whose body says nothing of the internals, only a correlation id that the server log also
 * carries with the full exception. The JDK's platform logger is used so the adapter needs no logging library;
 * the host application routes it to its own (SLF4J has a bridge for it).
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure, correlation id " + correlationId, exception);
        return Response.fromResponse(ScimErrors.response(ScimErrorType.INTERNAL,
                        "An unexpected error occurred. Quote correlation id " + correlationId + " when reporting it.",
                        ScimErrors.acceptedBy(headers)))
                .header(CORRELATION_HEADER, correlationId)
                .build();
    }
}
