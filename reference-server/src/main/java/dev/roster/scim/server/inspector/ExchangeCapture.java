package dev.roster.scim.server.inspector;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Captures SCIM exchanges for the request inspector as they pass: the request body as the SCIM adapter reads it and
 * the response body as it is written, each through a stream that copies the first bytes aside, so the exchange
 * itself is unchanged. It runs before authentication, so that refused requests (a wrong token) show too; those never
 * have their body read. The capture is offered to the {@link ExchangeRecorder} once the response is written. No
 * header is captured but {@code User-Agent}. Once the status is known, a success the recorder does not want (it keeps
 * a sample under load) is let go before its body is written. Any failure here is swallowed, since the inspector must
 * never break SCIM.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 150)
public final class ExchangeCapture implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String CAPTURE = ExchangeCapture.class.getName() + ".capture";

    private final ExchangeRecorder recorder;
    private final Clock clock;
    private final Function<ContainerRequestContext, String> requestIds;

    /**
     * @param requestIds the request's id as the access log and {@code X-Request-Id} show it, so that an admin can
     *                   match a log line to an exchange
     */
    public ExchangeCapture(ExchangeRecorder recorder, Clock clock,
                           Function<ContainerRequestContext, String> requestIds) {
        this.recorder = recorder;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Optional<SiteId> site = ScimPaths.siteSegment(request.getUriInfo().getPathSegments())
                    .filter(SiteId::isValid).map(SiteId::of);
            if (site.isEmpty()) {
                return;
            }
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            String path = "/" + request.getUriInfo().getPath(false) + (query == null ? "" : "?" + query);
            CapturedExchange capture = new CapturedExchange(site.get(), clock.instant(), System.nanoTime(),
                    request.getMethod(), path, request.getHeaderString(HttpHeaders.USER_AGENT),
                    requestIds.apply(request));
            if (request.hasEntity()) {
                request.setEntityStream(TeeStreams.reading(request.getEntityStream(), capture.request));
            }
            request.setProperty(CAPTURE, capture);
        } catch (RuntimeException e) {
            // The inspector must never break SCIM: this exchange is not captured.
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (request.getProperty(CAPTURE) instanceof CapturedExchange capture) {
                capture.status = response.getStatus();
                if (!recorder.wants(capture)) {
                    request.removeProperty(CAPTURE);
                } else if (!response.hasEntity()) {
                    request.removeProperty(CAPTURE);
                    finish(capture);
                }
            }
        } catch (RuntimeException e) {
            // As above.
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CAPTURE) instanceof CapturedExchange capture)) {
            context.proceed();
            return;
        }
        context.removeProperty(CAPTURE);
        context.setOutputStream(TeeStreams.writing(context.getOutputStream(), capture.response));
        try {
            context.proceed();
        } finally {
            finish(capture);
        }
    }

    private void finish(CapturedExchange capture) {
        try {
            capture.durationMillis = (System.nanoTime() - capture.startedNanos) / 1_000_000;
            recorder.offer(capture);
        } catch (RuntimeException e) {
            // As above.
        }
    }
}
