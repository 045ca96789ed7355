package dev.roster.scim.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.roster.scim.core.inspect.IdentityProvider;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.jaxrs.ScimPaths;
import dev.roster.scim.server.metrics.RouteTemplates;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * One line per request, once its response is written: as text ({@code dev.roster.access}: method, path, status,
 * duration, request id) or as a JSON object ({@code dev.roster.access.json}: time, request id, site, method, route
 * template, status, duration, response bytes, client address and the IdP its {@code User-Agent} suggests). The
 * query string is left out (filters carry personal data), no header is logged but the {@code User-Agent}'s IdP, and
 * no body, so bearer tokens and passwords never reach the log.
 */
@PreMatching
@Priority(1)
final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger TEXT = LoggerFactory.getLogger("dev.roster.access");
    private static final Logger JSON = LoggerFactory.getLogger("dev.roster.access.json");
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";
    private static final String PENDING = AccessLogFilter.class.getName() + ".pending";

    private final AccessLogFormat format;
    private final Clock clock;

    AccessLogFilter(AccessLogFormat format, Clock clock) {
        this.format = format;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (format != AccessLogFormat.OFF) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (format == AccessLogFormat.OFF) {
            return;
        }
        Object started = request.getProperty(STARTED);
        // The text line has no site, route, client or IdP: only the JSON line pays for working them out.
        boolean json = format == AccessLogFormat.JSON;
        Entry entry = new Entry(started instanceof Long nanos ? nanos : System.nanoTime(),
                RequestIdFilter.of(request), request.getMethod(), "/" + request.getUriInfo().getPath(false),
                json ? siteOf(request) : Optional.empty(),
                json ? RouteTemplates.of((ExtendedUriInfo) request.getUriInfo(), response.getStatus()) : "",
                response.getStatus(), json ? clientOf(request) : Optional.empty(),
                json ? IdentityProvider.fromUserAgent(request.getHeaderString(HttpHeaders.USER_AGENT))
                        : IdentityProvider.UNKNOWN);
        if (response.hasEntity()) {
            request.setProperty(PENDING, entry);
        } else {
            log(entry, 0);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Entry entry)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        CountingStream counted = new CountingStream(context.getOutputStream());
        context.setOutputStream(counted);
        try {
            context.proceed();
        } finally {
            log(entry, counted.count);
        }
    }

    private void log(Entry entry, long bytes) {
        long millis = (System.nanoTime() - entry.startedNanos) / 1_000_000;
        if (format == AccessLogFormat.JSON) {
            JSON.info(json(entry, bytes, millis));
        } else if (format == AccessLogFormat.TEXT) {
            TEXT.info("{} {} {} {}ms id={}", entry.method, entry.path, entry.status, millis, entry.requestId);
        }
    }

    private String json(Entry entry, long bytes, long millis) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator out = JSON_FACTORY.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("time", clock.instant().toString());
            out.writeStringField("requestId", entry.requestId);
            if (entry.site.isPresent()) {
                out.writeStringField("site", entry.site.get());
            }
            out.writeStringField("method", entry.method);
            out.writeStringField("route", entry.route);
            out.writeNumberField("status", entry.status);
            out.writeNumberField("durationMs", millis);
            out.writeNumberField("bytes", bytes);
            if (entry.client.isPresent()) {
                out.writeStringField("client", entry.client.get());
            }
            out.writeStringField("idp", entry.idp.label());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    private static Optional<String> siteOf(ContainerRequestContext request) {
        return ScimPaths.siteSegment(request.getUriInfo().getPathSegments()).filter(SiteId::isValid);
    }

    private static Optional<String> clientOf(ContainerRequestContext request) {
        return request.getProperty(ScimPaths.CLIENT_ADDRESS_PROPERTY) instanceof String address
                ? Optional.of(address) : Optional.empty();
    }

    /** What is known of a request once its response is decided; its body's length is known once written. */
    private record Entry(long startedNanos, String requestId, String method, String path, Optional<String> site,
                         String route, int status, Optional<String> client, IdentityProvider idp) {
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count += length;
        }
    }
}
