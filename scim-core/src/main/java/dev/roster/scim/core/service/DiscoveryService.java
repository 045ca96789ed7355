package dev.roster.scim.core.service;

import dev.roster.scim.core.internal.paging.PagingCursors;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.port.in.Discovery;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.AttributeType;
import dev.roster.scim.core.schema.SchemaDefinition;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** Roster's extension of ServiceProviderConfig: what a 201 to {@code POST /Users} means on the site. */
    static final String SERVICE_PROVIDER_CONFIG_EXTENSION =
            "urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig";

    private final ScimObject serviceProviderConfig = renderServiceProviderConfig(Optional.empty());
    private final Map<CreationPolicy, ScimObject> serviceProviderConfigs = renderServiceProviderConfigs();
    private final List<ScimObject> resourceTypes = List.of(renderUserResourceType());
    private final List<ScimObject> schemas = UserSchemas.ALL.stream().map(DiscoveryService::renderSchema).toList();

    @Override
    public ScimObject serviceProviderConfig() {
        return serviceProviderConfig;
    }

    @Override
    public ScimObject serviceProviderConfig(CreationPolicy creationPolicy) {
        return serviceProviderConfigs.get(creationPolicy);
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

    private static Map<CreationPolicy, ScimObject> renderServiceProviderConfigs() {
        Map<CreationPolicy, ScimObject> rendered = new EnumMap<>(CreationPolicy.class);
        for (CreationPolicy policy : CreationPolicy.values()) {
            rendered.put(policy, renderServiceProviderConfig(Optional.of(policy)));
        }
        return rendered;
    }

    /** RFC 7643 §5, with Roster's extension saying what {@code POST /Users} does where the policy is known. */
    private static ScimObject renderServiceProviderConfig(Optional<CreationPolicy> creationPolicy) {
        List<ScimValue> schemas = new ArrayList<>(List.of(ScimValue.of(SERVICE_PROVIDER_CONFIG_SCHEMA)));
        creationPolicy.ifPresent(policy -> schemas.add(ScimValue.of(SERVICE_PROVIDER_CONFIG_EXTENSION)));
        ScimObject.Builder config = ScimObject.builder()
                .put("schemas", new ScimArray(schemas))
                .put("patch", supported(true))
                .put("bulk", ScimObject.builder().put("supported", false)
                        .put("maxOperations", ScimValue.of(0)).put("maxPayloadSize", ScimValue.of(0)).build())
                .put("filter", ScimObject.builder().put("supported", true)
                        .put("maxResults", ScimValue.of(ScimUsers.MAX_RESULTS)).build())
                // RFC 9865 §4: both methods; index stays the default, which Okta and Entra ID page by
                .put("pagination", ScimObject.builder()
                        .put("cursor", true)
                        .put("index", true)
                        .put("defaultPaginationMethod", "index")
                        .put("defaultPageSize", ScimValue.of(ScimUsers.MAX_RESULTS))
                        .put("maxPageSize", ScimValue.of(ScimUsers.MAX_RESULTS))
                        .put("cursorTimeout", ScimValue.of(PagingCursors.TIMEOUT.toSeconds()))
                        .build())
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
                        .build()));
        creationPolicy.ifPresent(policy -> config.put(SERVICE_PROVIDER_CONFIG_EXTENSION, ScimObject.builder()
                .put("userCreation", policy.label())
                .put("userCreationDescription", whatAPostDoes(policy))
                .build()));
        return config.put("meta", meta("ServiceProviderConfig")).build();
    }

    /** What a {@code 201} (or a refusal) to {@code POST /Users} means under the policy, for the IdP's admin. */
    static String whatAPostDoes(CreationPolicy policy) {
        String link = "A POST of a user who has signed in links that user (201). ";
        return switch (policy) {
            case PENDING -> link + "A POST of someone who has not signed in yet answers 201 with a pending "
                    + "identity (" + UserSchemas.ROLE_EXTENSION + ":" + UserSchemas.PENDING_ATTRIBUTE + " true): no "
                    + "account exists, but lookups find it and it takes PATCH, PUT and DELETE. Their first SSO "
                    + "sign-in creates the account from it, with the same id; a deactivated one cannot sign in.";
            case JIT_ONLY -> link + "A POST of someone who has not signed in yet is refused with 403: users are "
                    + "created at their first SSO sign-in only.";
            case ALLOW -> link + "A POST of someone who has not signed in yet creates their account (201).";
        };
    }

    /** RFC 7643 §6. */
    private static ScimObject renderUserResourceType() {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(RESOURCE_TYPE_SCHEMA)))
                .put("id", "User")
                .put("name", "User")
                .put("endpoint", "/Users")
                .put("description", "User accounts, and pending identities: people the identity provider "
                        + "provisioned who have not signed in yet (" + UserSchemas.ROLE_EXTENSION + ":"
                        + UserSchemas.PENDING_ATTRIBUTE + ")")
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
