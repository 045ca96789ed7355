package dev.roster.scim.server.metrics;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.ArrayList;
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
        List<UriTemplate> matched = new ArrayList<>(uri.getMatchedTemplates());
        if (matched.isEmpty() || uri.getMatchedResourceMethod() == null) {
            return status == 404 ? NOT_FOUND : UNMATCHED;
        }
        // Jersey lists the templates from the resource method's outwards.
        StringBuilder route = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            route.append('/').append(matched.get(i).getTemplate());
        }
        String normal = route.toString().replaceAll("/{2,}", "/");
        return normal.length() > 1 && normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }
}
