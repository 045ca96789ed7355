package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.inspect.StatusRange;
import dev.roster.scim.core.inspect.StoredExchange;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.jaxrs.RequestValues;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.function.LongSupplier;

/**
 * {@code /c/{site}/admin/api/exchanges}: the request inspector's last SCIM exchanges of the site, newest first,
 * filtered by {@code status} ({@code 404}, {@code 4xx}, {@code errors}); and one of them with its redacted bodies.
 * The list also says how many captures this server dropped (queue full), lost (a failed write) or left out (successes
 * beyond the sample kept under load) since it started.
 */
@AdminEndpoint
@Path("c/{site}/admin/api/exchanges")
@Produces(MediaType.APPLICATION_JSON)
public final class InspectorResource {

    /** This server's counts of captures it could not keep, or chose not to (successes under load). */
    public record Losses(LongSupplier dropped, LongSupplier failed, LongSupplier sampledOut) {
    }

    private final RequestInspection inspection;
    private final Losses losses;

    public InspectorResource(RequestInspection inspection, Losses losses) {
        this.inspection = inspection;
        this.losses = losses;
    }

    @GET
    public ScimObject list(@PathParam("site") String site, @QueryParam("status") String status) {
        StatusRange range = StatusRange.parse(RequestValues.text(status));
        return ScimObject.builder()
                .put("exchanges", new ScimArray(inspection.recent(site(site), range).stream()
                        .<ScimValue>map(InspectorResource::summary).toList()))
                .put("kept", ScimValue.of(RequestInspection.KEPT_IN_ALL_PER_SITE))
                .put("dropped", ScimValue.of(losses.dropped().getAsLong()))
                .put("failed", ScimValue.of(losses.failed().getAsLong()))
                .put("sampledOut", ScimValue.of(losses.sampledOut().getAsLong()))
                .build();
    }

    @GET
    @Path("{id}")
    public ScimObject exchange(@PathParam("site") String site, @PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ScimException.notFound("There is no exchange '" + id + "'.");
        }
        StoredExchange stored = inspection.exchange(site(site), number);
        ScimObject.Builder detail = ScimObject.builder();
        summary(stored).members().forEach(detail::put);
        return detail.put("requestBody", text(stored.exchange().requestBody().orElse(null)))
                .put("responseBody", text(stored.exchange().responseBody().orElse(null)))
                .build();
    }

    private static ScimObject summary(StoredExchange stored) {
        ScimExchange exchange = stored.exchange();
        return ScimObject.builder()
                .put("id", ScimValue.of(stored.id()))
                .put("at", exchange.at().toString())
                .put("method", exchange.method())
                .put("path", exchange.path())
                .put("status", ScimValue.of(exchange.status()))
                .put("durationMs", ScimValue.of(exchange.durationMillis()))
                .put("idp", exchange.idp().displayName())
                .put("requestId", text(exchange.requestId().orElse(null)))
                .build();
    }

    private static ScimValue text(String value) {
        return value == null ? ScimValue.nullValue() : ScimValue.of(value);
    }

    private static SiteId site(String name) {
        if (!SiteId.isValid(name)) {
            throw ScimException.notFound("There is no site '" + name + "'.");
        }
        return SiteId.of(name);
    }
}
