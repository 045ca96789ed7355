package dev.roster.scim.server.admin;

import dev.roster.scim.jaxrs.ScimErrors;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses state-changing admin calls that a page of another origin could make with the admin's cookie or cached
 * Basic credentials. A {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} must
 * <ul>
 *   <li>come from this origin: {@code Sec-Fetch-Site} is {@code same-origin} (or {@code none}, typed by the user);
 *       without it, {@code Origin} names this server. A request with neither is not from a browser (curl, a
 *       script), which no other site can make on the admin's behalf, and passes;</li>
 *   <li>send {@code Content-Type: application/json} (or {@code application/scim+json}), also without a body: no
 *       HTML form can, and a cross-origin script cannot without a CORS preflight, which this server never
 *       grants.</li>
 * </ul>
 * This origin is the public URL when one is configured, else the scheme of the request and its {@code Host}.
 */
@AdminEndpoint
final class SameOriginFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> SAME_ORIGIN_FETCHES = Set.of("same-origin", "none");

    private final Optional<URI> publicUrl;

    SameOriginFilter(Optional<URI> publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        crossSite(request).ifPresentOrElse(
                reason -> request.abortWith(ScimErrors.response(403, Optional.empty(), reason,
                        ScimErrors.acceptedBy(request))),
                () -> {
                    if (!json(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
                        request.abortWith(ScimErrors.response(415, Optional.empty(), "State-changing admin calls "
                                + "must send 'Content-Type: application/json', also when they have no body.",
                                ScimErrors.acceptedBy(request)));
                    }
                });
    }

    private Optional<String> crossSite(ContainerRequestContext request) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null) {
            return SAME_ORIGIN_FETCHES.contains(fetchSite.strip().toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("The admin API accepts changes only from its own pages; this request came from "
                    + "another site (Sec-Fetch-Site: " + fetchSite.strip() + ").");
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        return sameOrigin(origin, request) ? Optional.empty()
                : Optional.of("The admin API accepts changes only from its own pages; this request came from "
                + "another origin.");
    }

    private boolean sameOrigin(String origin, ContainerRequestContext request) {
        Optional<Authority> sent = Authority.of(origin.strip());
        if (sent.isEmpty()) {
            return false;
        }
        if (publicUrl.isPresent()) {
            return Authority.of(publicUrl.get().toString()).equals(sent);
        }
        String scheme = request.getUriInfo().getRequestUri().getScheme();
        String host = request.getHeaderString(HttpHeaders.HOST);
        return host != null && Authority.of(scheme + "://" + host.strip()).equals(sent);
    }

    private static boolean json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()
                    || type.isCompatible(ScimMediaTypes.SCIM_JSON_TYPE) && !type.isWildcardSubtype();
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    /** Scheme, host and port of an origin, the port made explicit; {@code Origin: null} has none. */
    private record Authority(String scheme, String host, int port) {

        static Optional<Authority> of(String text) {
            try {
                URI uri = URI.create(text);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return Optional.empty();
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
                return Optional.of(new Authority(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
            } catch (IllegalArgumentException unparseable) {
                return Optional.empty();
            }
        }
    }
}
