package dev.roster.scim.server.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a Grizzly {@link HttpServer} that serves a Jersey application, before it starts, with the edge: the
 * {@link HttpLimits}, the SCIM-speaking codec, the body-gathering handler in front of Jersey and the SCIM error
 * page. {@link #close()} stops the head-deadline timer once the server has stopped.
 */
public final class HttpEdge implements AutoCloseable {

    /** The request attribute (a JAX-RS property) holding the local port a request arrived on. */
    public static final String LOCAL_PORT = HttpEdge.class.getName() + ".localPort";

    private final HeadDeadlines deadlines;

    private HttpEdge(HeadDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    public static HttpEdge fit(HttpServer server, HttpLimits limits) {
        RefusalLog log = new RefusalLog(limits.refusalLogsPerMinute());
        HeadDeadlines deadlines = new HeadDeadlines(limits.headTimeout(), log);
        ScimErrorPageGenerator errorPages = new ScimErrorPageGenerator(log);
        ServerConfiguration configuration = server.getServerConfiguration();
        configuration.setDefaultErrorPageGenerator(errorPages);
        Map<HttpHandler, HttpHandlerRegistration[]> handlers =
                new LinkedHashMap<>(configuration.getHttpHandlersWithMapping());
        handlers.forEach((handler, mappings) -> {
            configuration.removeHttpHandler(handler);
            configuration.addHttpHandler(new BufferedBodyHandler(handler, limits, log), mappings);
        });
        for (NetworkListener listener : server.getListeners()) {
            listener.setMaxHttpHeaderSize(limits.maxHeaderBytes());
            listener.setMaxRequestHeaders(limits.maxHeaderCount());
            listener.getKeepAlive().setIdleTimeoutInSeconds((int) limits.keepAliveIdleTimeout().toSeconds());
            listener.getKeepAlive().setMaxRequestsCount(limits.maxKeepAliveRequests());
            listener.setDefaultErrorPageGenerator(errorPages);
            listener.getTransport().getWorkerThreadPoolConfig()
                    .setCorePoolSize(limits.workerThreads())
                    .setMaxPoolSize(limits.workerThreads());
            listener.registerAddOn(new CodecAddOn(limits, deadlines, log));
        }
        return new HttpEdge(deadlines);
    }

    @Override
    public void close() {
        deadlines.close();
    }

    /** Swaps Grizzly's HTTP codec for {@link ScimHttpCodec}, configured as Grizzly configured its own. */
    private record CodecAddOn(HttpLimits limits, HeadDeadlines deadlines, RefusalLog log) implements AddOn {

        @Override
        public void setup(NetworkListener listener, FilterChainBuilder builder) {
            int index = builder.indexOfType(HttpServerFilter.class);
            HttpServerFilter original = (HttpServerFilter) builder.get(index);
            ScimHttpCodec codec = new ScimHttpCodec(listener, limits, deadlines, log);
            for (ContentEncoding encoding : original.getContentEncodings()) {
                codec.addContentEncoding(encoding);
            }
            codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
            // After a refusal, the rest of a body is read and dropped so the client can read the answer — up to
            // this much declared remainder (and within the head timeout); beyond it the connection closes at once.
            codec.setMaxPayloadRemainderToSkip(4L * limits.maxBodyBytes());
            codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
            builder.set(index, codec);
        }
    }
}
