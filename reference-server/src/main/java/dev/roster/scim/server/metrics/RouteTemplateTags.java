package dev.roster.scim.server.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.JerseyTagsProvider;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.RequestEvent;

/**
 * Jersey's default tags (method, uri, status, outcome, exception) with the uri from {@link RouteTemplates}, as the
 * access log names it: a request that a filter refused before any resource matched it (a wrong bearer token) is
 * {@code UNMATCHED}, where Jersey's own tag would say {@code root} and pass it off as a request for {@code /}.
 */
final class RouteTemplateTags implements JerseyTagsProvider {

    private final JerseyTagsProvider defaults = new DefaultJerseyTagsProvider();

    @Override
    public Iterable<Tag> httpRequestTags(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        int status = response == null ? 500 : response.getStatus();
        return Tags.of(defaults.httpRequestTags(event)).and("uri", RouteTemplates.of(event.getUriInfo(), status));
    }

    @Override
    public Iterable<Tag> httpLongRequestTags(RequestEvent event) {
        return defaults.httpLongRequestTags(event);
    }
}
