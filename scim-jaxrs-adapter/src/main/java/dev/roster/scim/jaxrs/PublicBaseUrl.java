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
     * The filter for a public base URL, which rebases the SCIM requests only. {@link ScimFeature#withPublicBaseUrl}
     * makes and registers it; a host that rebases its own paths too calls {@link #rebase} from a filter of its own.
     *
     * @param url an absolute {@code http} or {@code https} URL with a host and without query, fragment or user
     *            info, such as {@code https://app.example.com/api}
     * @return the filter, whose {@link #base()} ends with a slash
     * @throws IllegalArgumentException if it is not one
     * @throws NullPointerException     if {@code url} is null
     */
    public static PublicBaseUrl of(URI url) {
        return new PublicBaseUrl(validated(url));
    }

    /**
     * The URL as a base: checked, with a trailing slash, so that relative paths resolve under it.
     *
     * @param url an absolute {@code http} or {@code https} URL with a host and without query, fragment or user
     *            info
     * @return the same URL ending in {@code /}
     * @throws IllegalArgumentException if it is not such a URL
     * @throws NullPointerException     if {@code url} is null
     */
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

    /**
     * The public base URL the SCIM requests are rebased onto.
     *
     * @return the absolute URL, ending in {@code /}
     */
    public URI base() {
        return base;
    }

    /**
     * Rebases a request under a site's SCIM base ({@link ScimPaths#isScimPath}) onto the public base URL; leaves
     * every other request alone.
     *
     * @param request the request, before matching
     */
    @Override
    public void filter(ContainerRequestContext request) {
        if (ScimPaths.isScimPath(request.getUriInfo().getPath())) {
            rebase(request, base);
        }
    }

    /**
     * Makes {@code base} the request's base URI, keeping its path and query relative to the old base: a request
     * for {@code http://10.0.0.5:8080/c/s/auth/scim/v2/Users?count=1} with base {@code https://app.example.com/api/}
     * becomes {@code https://app.example.com/api/c/s/auth/scim/v2/Users?count=1}.
     *
     * @param request the request, in a pre-matching filter (JAX-RS allows no change of its URI later)
     * @param base    the new base, an absolute URL ending in {@code /} (see {@link #validated})
     */
    public static void rebase(ContainerRequestContext request, URI base) {
        URI oldBase = request.getUriInfo().getBaseUri();
        if (oldBase.toString().equals(base.toString())) {
            // Already there, as every request to a server reached at its listening address is: the same URI again
            // would cost two URI parses and Jersey's routing reset per request.
            return;
        }
        URI requestUri = request.getUriInfo().getRequestUri();
        String path = requestUri.getRawPath() == null ? "" : requestUri.getRawPath();
        String oldBasePath = oldBase.getRawPath() == null ? "/" : oldBase.getRawPath();
        String relative = path.startsWith(oldBasePath) ? path.substring(oldBasePath.length())
                : path.replaceFirst("^/", "");
        String query = requestUri.getRawQuery();
        request.setRequestUri(base, URI.create(base + relative + (query == null ? "" : "?" + query)));
    }
}
