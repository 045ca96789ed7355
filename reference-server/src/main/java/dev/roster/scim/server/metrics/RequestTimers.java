package dev.roster.scim.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.glassfish.jersey.micrometer.server.JerseyTags;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request Jersey serves, from its start to its end, into one timer per tag set: Jersey's default tags
 * (method, uri, status, outcome, exception) with the uri from {@link RouteTemplates}, as the access log names it. A
 * request that a pre-matching filter refused (a wrong bearer token, a malformed header) is {@code uri="UNMATCHED"},
 * where Jersey's own tag would say {@code root} and pass it off as a request for {@code /}, so refused calls show in
 * the request rate and the error ratio.
 *
 * <p>Jersey's {@code MetricsApplicationEventListener} did this before (ADR 040): it looked for {@code @Timed} on the
 * resource method and class, computed a uri tag that was then replaced, and registered the timer again for every
 * request, about 4 % of a lookup's CPU. Roster has no {@code @Timed} and the tag sets are bounded (route templates ×
 * statuses × exceptions), so the timers are kept here once built.
 */
final class RequestTimers implements ApplicationEventListener {

    private final MeterRegistry registry;
    private final String metricName;
    private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry, String metricName) {
        this.registry = registry;
        this.metricName = metricName;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        return new Timed(System.nanoTime());
    }

    private void record(RequestEvent finished, long nanos) {
        Tags tags = tags(finished);
        Timer timer = timers.get(tags);
        if (timer == null) {
            timer = timers.computeIfAbsent(tags, built -> registry.timer(metricName, built));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    static Tags tags(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        int status = response == null ? 500 : response.getStatus();
        return Tags.of(JerseyTags.method(event.getContainerRequest()),
                JerseyTags.exception(event),
                JerseyTags.status(response),
                JerseyTags.outcome(response))
                .and("uri", RouteTemplates.of(event.getUriInfo(), status));
    }

    /** One request's start; records its duration when it finishes. */
    private final class Timed implements RequestEventListener {
        private final long started;

        Timed(long started) {
            this.started = started;
        }

        @Override
        public void onEvent(RequestEvent event) {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                record(event, System.nanoTime() - started);
            }
        }
    }
}
