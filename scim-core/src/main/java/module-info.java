/**
 * Roster's SCIM core: the model, schemas, filters, use cases and ports, on the JDK alone.
 *
 * <p>Exports exactly the packages ADR 018 publishes; packages with {@code internal} in their name stay closed. The
 * JAX-RS adapter alone reads {@code core.internal.mapping}, for attribute projection.
 */
module dev.roster.scim.core {
    exports dev.roster.scim.core.error;
    exports dev.roster.scim.core.filter;
    exports dev.roster.scim.core.identifier;
    exports dev.roster.scim.core.inspect;
    exports dev.roster.scim.core.json;
    exports dev.roster.scim.core.mapping;
    exports dev.roster.scim.core.model;
    exports dev.roster.scim.core.port.in;
    exports dev.roster.scim.core.port.out;
    exports dev.roster.scim.core.schema;
    exports dev.roster.scim.core.service;

    // ADR 018: the resources project attributes until projection moves behind ScimUsers.
    exports dev.roster.scim.core.internal.mapping to dev.roster.scim.jaxrs;
}
