package dev.roster.scim.server.metrics;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.List;

/**
 * The route template a request matched, e.g. {@code /c/{site}/auth/scim/v2/Users/{id}}: what metrics and the
 * access log name a request by, never its raw path, so their values are bounded by the resources. A request no
 * resource matched is {@link #NOT_FOUND} if it was answered 404 and {@link #UNMATCHED} otherwise (a filter refused it
 * first: a wrong bearer token, a cross-site write).
 */
public final class RouteTemplates {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNMATCHED = "UNMATCHED";

    private RouteTemplates() {
    }

    public static String of(ExtendedUriInfo uri, int status) {
        List<UriTemplate> matched = uri.getMatchedTemplates();
        if (matched.isEmpty() || uri.getMatchedResourceMethod() == null) {
            return status == 404 ? NOT_FOUND : UNMATCHED;
        }
        // Jersey lists the templates from the resource method's outwards. Each request names its route, so this is
        // plain appends: no regular expression, no copy of the list.
        StringBuilder route = new StringBuilder(64);
        for (int i = matched.size() - 1; i >= 0; i--) {
            appendWithoutRepeatedSlashes(route, "/");
            appendWithoutRepeatedSlashes(route, matched.get(i).getTemplate());
        }
        int end = route.length();
        if (end > 1 && route.charAt(end - 1) == '/') {
            route.setLength(end - 1);
        }
        return route.toString();
    }

    /** Appends {@code template} to {@code route}, dropping each slash that would follow a slash. */
    private static void appendWithoutRepeatedSlashes(StringBuilder route, String template) {
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '/' || route.isEmpty() || route.charAt(route.length() - 1) != '/') {
                route.append(c);
            }
        }
    }
}
