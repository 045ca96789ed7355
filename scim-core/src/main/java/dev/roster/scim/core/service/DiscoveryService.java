package dev.roster.scim.core.service;

import dev.roster.scim.core.model.AttributeDefinition;
import dev.roster.scim.core.model.AttributeType;
import dev.roster.scim.core.model.SchemaDefinition;
import dev.roster.scim.core.model.ScimArray;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import dev.roster.scim.core.model.UserSchemas;
import dev.roster.scim.core.port.in.Discovery;
import dev.roster.scim.core.port.in.ScimUsers;

import java.util.List;
import java.util.Optional;

/**
 * {@link Discovery}, rendered once from {@link UserSchemas}, so that {@code /Schemas} can never disagree with what
 * the normaliser, filters and projection actually do.
 */
public final class DiscoveryService implements Discovery {

    static final String SERVICE_PROVIDER_CONFIG_SCHEMA =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private final ScimObject serviceProviderConfig = renderServiceProviderConfig();
    private final List<ScimObject> resourceTypes = List.of(renderUserResourceType());
    private final List<ScimObject> schemas = UserSchemas.ALL.stream().map(DiscoveryService::renderSchema).toList();

    @Override
    public ScimObject serviceProviderConfig() {
        return serviceProviderConfig;
    }

    @Override
    public List<ScimObject> resourceTypes() {
        return resourceTypes;
    }

    @Override
    public Optional<ScimObject> resourceType(String id) {
        return byId(resourceTypes, id);
    }

    @Override
    public List<ScimObject> schemas() {
        return schemas;
    }

    @Override
    public Optional<ScimObject> schema(String id) {
        return byId(schemas, id);
    }

    private static Optional<ScimObject> byId(List<ScimObject> resources, String id) {
        return resources.stream()
                .filter(resource -> resource.getString("id").map(id::equalsIgnoreCase).orElse(false))
                .findFirst();
    }

    /** RFC 7643 §5. */
    private static ScimObject renderServiceProviderConfig() {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(SERVICE_PROVIDER_CONFIG_SCHEMA)))
                .put("patch", supported(true))
                .put("bulk", ScimObject.builder().put("supported", false)
                        .put("maxOperations", ScimValue.of(0)).put("maxPayloadSize", ScimValue.of(0)).build())
                .put("filter", ScimObject.builder().put("supported", true)
                        .put("maxResults", ScimValue.of(ScimUsers.MAX_RESULTS)).build())
                .put("changePassword", supported(false))
                .put("sort", supported(true))
                .put("etag", supported(true))
                .put("authenticationSchemes", ScimArray.of(ScimObject.builder()
                        .put("type", "oauthbearertoken")
                        .put("name", "OAuth Bearer Token")
                        .put("description", "Authentication with the site's SCIM token as an OAuth 2.0 bearer "
                                + "token (RFC 6750), generated on the site's SCIM integration page.")
                        .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
                        .put("primary", true)
                        .build()))
                .put("meta", meta("ServiceProviderConfig"))
                .build();
    }

    /** RFC 7643 §6. */
    private static ScimObject renderUserResourceType() {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(RESOURCE_TYPE_SCHEMA)))
                .put("id", "User")
                .put("name", "User")
                .put("endpoint", "/Users")
                .put("description", "User Account")
                .put("schema", UserSchemas.CORE_USER)
                .put("schemaExtensions", ScimArray.of(
                        extension(UserSchemas.ENTERPRISE_USER),
                        extension(UserSchemas.ROLE_EXTENSION)))
                .put("meta", meta("ResourceType"))
                .build();
    }

    /** RFC 7643 §7. */
    private static ScimObject renderSchema(SchemaDefinition schema) {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(SCHEMA_SCHEMA)))
                .put("id", schema.id())
                .put("name", schema.name())
                .put("description", schema.description())
                .put("attributes", new ScimArray(schema.attributes().stream()
                        .<ScimValue>map(DiscoveryService::renderAttribute).toList()))
                .put("meta", meta("Schema"))
                .build();
    }

    private static ScimObject renderAttribute(AttributeDefinition attribute) {
        ScimObject.Builder json = ScimObject.builder()
                .put("name", attribute.name())
                .put("type", attribute.type().scimName())
                .put("multiValued", attribute.multiValued())
                .put("description", attribute.description())
                .put("required", attribute.required());
        if (!attribute.canonicalValues().isEmpty()) {
            json.put("canonicalValues", strings(attribute.canonicalValues()));
        }
        json.put("caseExact", attribute.caseExact())
                .put("mutability", attribute.mutability().scimName())
                .put("returned", attribute.returned().scimName())
                .put("uniqueness", attribute.uniqueness().scimName());
        if (attribute.type() == AttributeType.REFERENCE) {
            json.put("referenceTypes", strings(attribute.referenceTypes()));
        }
        if (attribute.isComplex()) {
            json.put("subAttributes", new ScimArray(attribute.subAttributes().stream()
                    .<ScimValue>map(DiscoveryService::renderAttribute).toList()));
        }
        return json.build();
    }

    private static ScimObject extension(String urn) {
        return ScimObject.builder().put("schema", urn).put("required", false).build();
    }

    private static ScimObject supported(boolean value) {
        return ScimObject.builder().put("supported", value).build();
    }

    private static ScimObject meta(String resourceType) {
        return ScimObject.builder().put("resourceType", resourceType).build();
    }

    private static ScimArray strings(List<String> values) {
        return new ScimArray(values.stream().<ScimValue>map(ScimValue::of).toList());
    }
}
