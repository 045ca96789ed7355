/**
 * SCIM over JAX-RS: a host registers {@code ScimFeature}; what the feature registers itself is internal.
 *
 * <p>The internal packages are opened, not exported: the JAX-RS runtime (Jersey, or any other) instantiates and
 * injects the resources, filters and providers by reflection, while no embedder's code can compile against them.
 */
module dev.roster.scim.jaxrs {
    requires transitive dev.roster.scim.core;
    requires dev.roster.scim.jackson;
    // Compiled against the API alone (scope provided): any JAX-RS 4 runtime serves it.
    requires transitive jakarta.ws.rs;

    exports dev.roster.scim.jaxrs;

    opens dev.roster.scim.jaxrs.internal.auth;
    opens dev.roster.scim.jaxrs.internal.error;
    opens dev.roster.scim.jaxrs.internal.json;
    opens dev.roster.scim.jaxrs.internal.resource;
}
