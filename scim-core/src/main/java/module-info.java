/**
 * Roster's SCIM core: the model, schemas, filters, use cases and ports, on the JDK alone.
 *
 * <p>Exports exactly the packages ADR 018 publishes, to every module alike; packages with {@code internal} in their
 * name stay closed, to Roster's own adapters too.
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
}
