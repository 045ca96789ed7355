package dev.roster.scim.core.port.out;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.SiteId;

/**
 * Told what became of SCIM requests that account changes do not show: a role value the site's policy ignored, and a
 * request the core refused. Meant for counters (the reference server exports them as Prometheus metrics); account
 * changes themselves (deactivations, reactivations, role changes) go to {@link AccountEvents}. Called after the
 * request's transaction ended; listeners must not throw and must be cheap, since they run on the request thread.
 * The host (the reference server) implements it and hands it to {@code Ports} (for {@link #roleIgnored}) and to a
 * {@code CountingScimUsers} around its {@code ScimUsers} (for {@link #refused}); many request threads call it at
 * once.
 *
 * <pre>{@code
 * ScimOutcomes counting = new ScimOutcomes() {
 *     public void refused(SiteId site, ScimErrorType type) {
 *         refusals.increment(site.value(), type.name());
 *     }
 * };
 * Ports ports = new Ports(users, sites, audit, transactions, events, clock).withOutcomes(counting);
 * ScimUsers scim = new CountingScimUsers(new ScimUsersService(ports), counting);
 * }</pre>
 */
public interface ScimOutcomes {

    /** Listens to nothing. */
    ScimOutcomes NONE = new ScimOutcomes() {
    };

    /**
     * A request asserted a role ({@code userType}, {@code stackUserType}) on a site that does not let SCIM manage
     * roles: the request succeeded and the role stayed as it was (ADR 009). The default does nothing.
     *
     * @param site the site whose policy ignored the role
     */
    default void roleIgnored(SiteId site) {
    }

    /**
     * The core refused a SCIM request to {@code /Users} of the site with a client error ({@code 4xx}) of this type;
     * server errors are not told. The default does nothing. Only {@code CountingScimUsers}, wrapped around the
     * host's {@code ScimUsers}, tells it: {@code Ports.withOutcomes} alone brings {@link #roleIgnored} only.
     *
     * @param site the site the request was for
     * @param type the error the client was answered with, which names its status and {@code scimType}
     */
    default void refused(SiteId site, ScimErrorType type) {
    }
}
