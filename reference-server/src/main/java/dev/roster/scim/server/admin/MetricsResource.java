package dev.roster.scim.server.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text format, for the admin (session or Basic) or for a scraper that sends
 * the {@link MetricsToken} as a bearer token. No site's SCIM token opens it.
 */
@AdminEndpoint
@Path("metrics")
public final class MetricsResource {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final MetricsToken token;

    public MetricsResource(Supplier<String> scrape, MetricsToken token) {
        this.scrape = scrape;
        this.token = token;
    }

    @GET
    @Produces(TEXT_FORMAT)
    @ScrapeTokenAccepted
    public String scrape() {
        return scrape.get();
    }

    MetricsToken token() {
        return token;
    }
}
