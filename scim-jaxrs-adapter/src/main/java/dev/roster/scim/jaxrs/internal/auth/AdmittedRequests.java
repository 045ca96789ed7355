package dev.roster.scim.jaxrs.internal.auth;

import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.ScimUsers;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Carries the site and settings that admitted a request ({@link BearerTokenFilter}) to the resource that serves it,
 * as a property of that request only (ADR 034): nothing outlives the request or crosses to another.
 */
public final class AdmittedRequests {

    private static final String ADMITTED = AdmittedRequests.class.getName() + ".admitted";

    private AdmittedRequests() {
    }

    static void keep(ContainerRequestContext request, AdmittedSite site) {
        request.setProperty(ADMITTED, site);
    }

    /** The use cases bound to the request's admission, or unbound (reading the settings) if it carries none. */
    public static ScimUsers bound(ScimUsers users, ContainerRequestContext request) {
        return request.getProperty(ADMITTED) instanceof AdmittedSite site ? users.admitted(site) : users;
    }
}
