package dev.roster.scim.server;

import dev.roster.scim.server.http.HttpEdge;
import dev.roster.scim.server.http.HttpLimits;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running reference server: Grizzly with Jersey, started and stopped as one. */
final class ReferenceServer implements AutoCloseable {

    /** How long in-flight requests get to finish on shutdown. */
    private static final long GRACE_SECONDS = 10;

    private final HttpServer http;
    private final HttpEdge edge;
    private final Runnable onClose;

    private ReferenceServer(HttpServer http, HttpEdge edge, Runnable onClose) {
        this.http = http;
        this.edge = edge;
        this.onClose = onClose;
    }

    static ReferenceServer start(String host, int port, ResourceConfig application, HttpLimits limits,
                                 Runnable onClose) {
        URI base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, application, false);
        http.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(new LenientQueryStrings());
        HttpEdge edge = HttpEdge.fit(http, limits);
        try {
            listenOnceServing(http);
        } catch (IOException e) {
            edge.close();
            http.shutdownNow();
            throw new StartupFailure(listenFailure(host, port, e), e);
        }
        return new ReferenceServer(http, edge, onClose);
    }

    /**
     * Grizzly's {@code start()} opens its listeners before it hands them Jersey: a request in between is answered
     * {@code 404} (AdminPasswordAtStartTest, polling a starting server, once got one). So the server starts without
     * its listener, and the listener opens once Jersey serves.
     */
    private static void listenOnceServing(HttpServer http) throws IOException {
        NetworkListener listener = http.getListeners().iterator().next();
        http.removeListener(listener.getName());
        http.start();
        // A running server configures and opens the listener it is given, but logs a failure to bind (with its
        // stack trace, on the console) instead of throwing it: that log is held back, and the bind tried again to
        // throw the failure, which the start reports in one line.
        Logger grizzly = Logger.getLogger(HttpServer.class.getName());
        Level level = grizzly.getLevel();
        grizzly.setLevel(Level.OFF);
        try {
            http.addListener(listener);
        } finally {
            grizzly.setLevel(level);
        }
        if (!listener.isStarted()) {
            listener.start();
        }
    }

    private static String listenFailure(String host, int port, IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (e instanceof BindException && reason.contains("in use")) {
            return "port " + port + " on " + host + " is in use";
        }
        return "cannot listen on " + host + ":" + port + ": " + reason;
    }

    /** The port actually listened on (the one the OS chose when asked for port 0). */
    int port() {
        NetworkListener listener = http.getListeners().iterator().next();
        return listener.getPort();
    }

    @Override
    public void close() {
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            http.shutdownNow();
        } finally {
            edge.close();
            onClose.run();
        }
    }
}
