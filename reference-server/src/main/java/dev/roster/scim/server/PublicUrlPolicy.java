package dev.roster.scim.server;

import dev.roster.scim.jaxrs.PublicBaseUrl;
import dev.roster.scim.server.http.HttpEdge;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.net.URI;
import java.util.Optional;

/**
 * Decides the base of every absolute URL the server builds — SCIM {@code Location} and {@code meta.location}, the
 * admin API's {@code scimBaseUrl} — so that no client can plant its own host in them with a forged {@code Host}:
 * <ol>
 * <li>{@code --public-url} when given;
 * <li>else, listening on one address, that address and the port the request came in on;
 * <li>else (a wildcard such as {@code 0.0.0.0}, where the server cannot know its own name) the request's
 * {@code Host}, which the HTTP edge has checked is a host name or address with an optional port.
 * </ol>
 */
@PreMatching
final class PublicUrlPolicy implements ContainerRequestFilter {

    private final Optional<URI> configured;
    private final String listenHost;
    private final boolean wildcard;
    /** The base for the last port a request came in on: a server listens on one or two, so this is almost always it. */
    private volatile PortBase lastPortBase;

    PublicUrlPolicy(Optional<URI> configured, String listenHost) {
        this.configured = configured.map(PublicBaseUrl::validated);
        this.listenHost = listenHost.contains(":") ? "[" + listenHost + "]" : listenHost;
        this.wildcard = isWildcard(listenHost);
    }

    static boolean isWildcard(String host) {
        return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
                || host.equals("0:0:0:0:0:0:0:0");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (configured.isPresent()) {
            PublicBaseUrl.rebase(request, configured.get());
        } else if (!wildcard && request.getProperty(HttpEdge.LOCAL_PORT) instanceof Integer port) {
            PublicBaseUrl.rebase(request, baseFor(port));
        }
        // Wildcard: Jersey's base already comes from the Host header, which the edge has validated.
    }

    private URI baseFor(int port) {
        PortBase last = lastPortBase;
        if (last == null || last.port != port) {
            last = new PortBase(port, URI.create("http://" + listenHost + ":" + port + "/"));
            lastPortBase = last;
        }
        return last.base;
    }

    private record PortBase(int port, URI base) {
    }
}
