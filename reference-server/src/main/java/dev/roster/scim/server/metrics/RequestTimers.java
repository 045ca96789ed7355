package dev.roster.scim.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.ClientErrorException;
import org.glassfish.jersey.micrometer.server.JerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.util.concurrent.TimeUnit;

/**
 * Jersey's {@link MetricsApplicationEventListener}, plus the requests it does not see: it starts timing a request
 * when a resource matches it (or when Jersey refuses it: 404, 405, 406), so a request that a pre-matching filter refused (a wrong bearer
 * token, a malformed header) would be in no metric. Those are timed here, into the same timer and with the same
 * tags ({@code uri="UNMATCHED"}), so that refused calls show in the request rate and the error ratio.
 */
final class RequestTimers implements ApplicationEventListener {

    private final MeterRegistry registry;
    private final JerseyTagsProvider tags;
    private final String metricName;
    private final MetricsApplicationEventListener matched;

    RequestTimers(MeterRegistry registry, JerseyTagsProvider tags, String metricName) {
        this.registry = registry;
        this.tags = tags;
        this.metricName = metricName;
        this.matched = new MetricsApplicationEventListener(registry, tags, metricName, true);
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        matched.onEvent(event);
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        RequestEventListener jersey = matched.onRequest(event);
        return new Unmatched(jersey, System.nanoTime());
    }

    /** Jersey's own rule: it times a request from an exception whose direct superclass is this one (a 404, 405…). */
    private static boolean timedOnException(Throwable exception) {
        return exception != null && exception.getClass().getSuperclass() == ClientErrorException.class;
    }

    /** Forwards every event to Jersey's listener and times the request if Jersey's never started to. */
    private final class Unmatched implements RequestEventListener {
        private final RequestEventListener jersey;
        private final long started;
        private boolean timedByJersey;

        Unmatched(RequestEventListener jersey, long started) {
            this.jersey = jersey;
            this.started = started;
        }

        @Override
        public void onEvent(RequestEvent event) {
            jersey.onEvent(event);
            switch (event.getType()) {
                case REQUEST_MATCHED -> timedByJersey = true;
                case ON_EXCEPTION -> timedByJersey |= timedOnException(event.getException());
                case FINISHED -> {
                    if (!timedByJersey) {
                        Timer.builder(metricName).tags(tags.httpRequestTags(event)).register(registry)
                                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    }
                }
                default -> {
                }
            }
        }
    }
}
