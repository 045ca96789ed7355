package dev.roster.scim.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The public base URL of the JAX-RS application — where clients reach its root, e.g.
 * {@code https://app.example.com/api/} behind a proxy — used for every absolute URL in SCIM responses
 * ({@code Location}, {@code meta.location}) instead of the request's {@code Host} header, which any client can
 * forge. As a pre-matching filter it rebases the SCIM requests' {@link jakarta.ws.rs.core.UriInfo} onto this URL;
 * {@link ScimFeature#withPublicBaseUrl(URI)} registers it.
 */
@PreMatching
public final class PublicBaseUrl implements ContainerRequestFilter {

    private final URI base;

    private PublicBaseUrl(URI base) {
        this.base = base;
    }

    /**
     * @param url an absolute {@code http} or {@code https} URL without query, fragment or user info
     * @throws IllegalArgumentException if it is not one
     */
    public static PublicBaseUrl of(URI url) {
        return new PublicBaseUrl(validated(url));
    }

    /** The URL as a base: checked, with a trailing slash. */
    public static URI validated(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a public base URL must be an absolute http(s) URL with a host and "
                    + "without query, fragment or user info, not '" + url + "'");
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI base() {
        return base;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (ScimPaths.isScimPath(request.getUriInfo().getPath())) {
            rebase(request, base);
        }
    }

    /** Makes {@code base} the request's base URI, keeping its path and query relative to the old base. */
    public static void rebase(ContainerRequestContext request, URI base) {
        URI oldBase = request.getUriInfo().getBaseUri();
        URI requestUri = request.getUriInfo().getRequestUri();
        String path = requestUri.getRawPath() == null ? "" : requestUri.getRawPath();
        String oldBasePath = oldBase.getRawPath() == null ? "/" : oldBase.getRawPath();
        String relative = path.startsWith(oldBasePath) ? path.substring(oldBasePath.length())
                : path.replaceFirst("^/", "");
        String query = requestUri.getRawQuery();
        request.setRequestUri(base, URI.create(base + relative + (query == null ? "" : "?" + query)));
    }
}
