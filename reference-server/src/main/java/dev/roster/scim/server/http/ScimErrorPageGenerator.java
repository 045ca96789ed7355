package dev.roster.scim.server.http;

import dev.roster.scim.jaxrs.ScimMediaTypes;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Replaces Grizzly's HTML error page, which prints the Java stack trace, with a SCIM Error that says nothing of
 * the internals. Grizzly still calls it where it answers on its own. From outside, only one such answer is known
 * to be reachable: the {@code 503} to a request that arrives on an open connection while the server drains its
 * in-flight requests on shutdown. The others are backstops: a failure while Jersey writes a response, an exception
 * that escapes every handler ({@link BufferedBodyHandler} catches what escapes Jersey, and answers {@code Expect}
 * itself).
 */
final class ScimErrorPageGenerator implements ErrorPageGenerator {

    private final RefusalLog log;

    ScimErrorPageGenerator(RefusalLog log) {
        this.log = log;
    }

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(ScimMediaTypes.SCIM_JSON);
        request.getResponse().setCharacterEncoding("UTF-8");
        request.getResponse().setHeader(RequestIds.HEADER,
                RequestIds.of(Optional.ofNullable(request.getHeader(RequestIds.HEADER))));
        String detail;
        if (status == 503) {
            // Grizzly's only 503: the server is draining in-flight requests before it stops.
            detail = "The server is shutting down; send the request again once it is back.";
        } else if (status >= 500) {
            detail = "The server could not process the request.";
        } else if (status == 417) {
            detail = "The Expect header asks for something this server does not do; send only 100-continue.";
        } else {
            detail = "The request could not be processed.";
        }
        log.refused(request.getContext() == null ? null : request.getContext().getConnection(), status,
                "Grizzly answered " + status + (exception == null ? "" : " after " + exception.getClass().getName()));
        return new String(EdgeErrors.body(status, detail), StandardCharsets.UTF_8);
    }
}
