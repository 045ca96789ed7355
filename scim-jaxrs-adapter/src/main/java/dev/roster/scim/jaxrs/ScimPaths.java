package dev.roster.scim.jaxrs;

import jakarta.ws.rs.core.PathSegment;

import java.util.List;
import java.util.Optional;

/** Where the SCIM API lives, relative to the JAX-RS application's root: {@code /c/{site}/auth/scim/v2}. */
public final class ScimPaths {

    /** The name of the path parameter that holds the site, for {@code @PathParam}. */
    public static final String SITE_PARAMETER = "site";

    /** The SCIM base as a JAX-RS path template, relative to the application's root; the endpoints sit below it. */
    public static final String BASE = "c/{" + SITE_PARAMETER + "}/auth/scim/v2";

    /**
     * The request property under which the host application may put the client's address (a {@code String}), from
     * a filter that runs before authentication: the bearer token check records it as the token's last client.
     * JAX-RS offers no portable way to read the peer's address; without the property it is {@code "unknown"}.
     */
    public static final String CLIENT_ADDRESS_PROPERTY = "dev.roster.scim.jaxrs.clientAddress";

    private static final String UNDER_THE_SITE = "/auth/scim/v2";

    private ScimPaths() {
    }

    /**
     * The {@code {site}} segment of a request path under a site's SCIM base (decoded, without matrix parameters),
     * given as the segments of the path relative to the application's root; empty for any other path.
     *
     * @param path the path's segments, as {@code UriInfo.getPathSegments()} gives them
     * @return the site segment, such as {@code acme} for {@code c/acme/auth/scim/v2/Users}; empty for a path outside
     *         every site's SCIM base
     */
    public static Optional<String> siteSegment(List<PathSegment> path) {
        // Every request asks (the inspector, the access log), so this reads the segments in place, copying none.
        int start = !path.isEmpty() && path.get(0).getPath().isEmpty() ? 1 : 0;
        boolean underTheBase = path.size() >= start + 5 && path.get(start).getPath().equals("c")
                && path.get(start + 2).getPath().equals("auth") && path.get(start + 3).getPath().equals("scim")
                && path.get(start + 4).getPath().equals("v2");
        return underTheBase ? Optional.of(path.get(start + 1).getPath()) : Optional.empty();
    }

    /**
     * Whether a path relative to the application's root lies under a site's SCIM base.
     *
     * @param path the path, as {@code UriInfo.getPath()} gives it, with or without its leading slash
     * @return true for {@code c/acme/auth/scim/v2} and everything below it
     */
    public static boolean isScimPath(String path) {
        // What the expression /?c/[^/]+/auth/scim/v2(/.*)? matches, read in one pass: every SCIM request asks, some
        // twice, and the matcher was 1 % of a lookup's CPU (ADR 051). ScimPathsIsScimPathTest pins the two together.
        int start = path.startsWith("/") ? 1 : 0;
        if (!path.startsWith("c/", start)) {
            return false;
        }
        int siteEnd = path.indexOf('/', start + 2);
        if (siteEnd <= start + 2 || !path.startsWith(UNDER_THE_SITE, siteEnd)) {
            return false;
        }
        int rest = siteEnd + UNDER_THE_SITE.length();
        if (rest == path.length()) {
            return true;
        }
        if (path.charAt(rest) != '/') {
            return false;
        }
        // "." matches any character but a line terminator.
        for (int i = rest + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
