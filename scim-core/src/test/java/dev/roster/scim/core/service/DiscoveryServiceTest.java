package dev.roster.scim.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.api.Test;

import java.util.List;

class DiscoveryServiceTest {

    private final DiscoveryService discovery = new DiscoveryService();

    private static ScimObject object(ScimObject parent, String name) {
        return parent.getObject(name).orElseThrow();
    }

    private static List<ScimObject> objects(ScimObject parent, String name) {
        return parent.getArray(name).orElseThrow().values().stream().map(ScimObject.class::cast).toList();
    }

    private static ScimObject attribute(List<ScimObject> attributes, String name) {
        return attributes.stream().filter(a -> a.getString("name").orElseThrow().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void theServiceProviderConfigAnnouncesWhatThisServerDoes() {
        ScimObject config = discovery.serviceProviderConfig();

        assertThat(config.getArray("schemas").orElseThrow().values())
                .containsExactly(ScimValue.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
        assertThat(object(config, "patch").getBoolean("supported")).contains(true);
        assertThat(object(config, "bulk").getBoolean("supported")).contains(false);
        assertThat(object(config, "filter").getBoolean("supported")).contains(true);
        assertThat(object(config, "filter").get("maxResults")).contains(ScimValue.of(ScimUsers.MAX_RESULTS));
        assertThat(object(config, "changePassword").getBoolean("supported")).contains(false);
        assertThat(object(config, "sort").getBoolean("supported")).contains(true);
        assertThat(object(config, "etag").getBoolean("supported")).contains(true);
        assertThat(objects(config, "authenticationSchemes")).singleElement().satisfies(scheme -> {
            assertThat(scheme.getString("type")).contains("oauthbearertoken");
            assertThat(scheme.getString("name")).contains("OAuth Bearer Token");
            assertThat(scheme.getString("description")).isPresent();
        });
        assertThat(object(config, "meta").getString("resourceType")).contains("ServiceProviderConfig");
    }

    @Test
    void theUserResourceTypeNamesItsOptionalExtensions() {
        ScimObject user = discovery.resourceType("user").orElseThrow();

        assertThat(discovery.resourceTypes()).containsExactly(user);
        assertThat(user.getString("endpoint")).contains("/Users");
        assertThat(user.getString("schema")).contains(UserSchemas.CORE_USER);
        assertThat(objects(user, "schemaExtensions")).extracting(e -> e.getString("schema").orElseThrow(),
                        e -> e.getBoolean("required").orElseThrow())
                .containsExactly(tuple(UserSchemas.ENTERPRISE_USER, false),
                        tuple(UserSchemas.ROLE_EXTENSION, false));
        assertThat(discovery.resourceType("Group")).isEmpty();
    }

    @Test
    void thereIsOneSchemaPerUserSchemaFoundByUrnInAnyCase() {
        assertThat(discovery.schemas()).extracting(schema -> schema.getString("id").orElseThrow())
                .containsExactly(UserSchemas.CORE_USER, UserSchemas.ENTERPRISE_USER, UserSchemas.ROLE_EXTENSION);
        assertThat(discovery.schema(UserSchemas.CORE_USER.toUpperCase())).isPresent();
        assertThat(discovery.schema("urn:nothing")).isEmpty();
    }

    @Test
    void everyAttributeShowsEveryCharacteristic() {
        List<ScimObject> attributes = objects(discovery.schema(UserSchemas.CORE_USER).orElseThrow(), "attributes");

        assertThat(attributes).hasSize(UserSchemas.CORE_USER_SCHEMA.attributes().size());
        assertThat(attribute(attributes, "userName")).isEqualTo(ScimObject.builder()
                .put("name", "userName")
                .put("type", "string")
                .put("multiValued", false)
                .put("description", UserSchemas.CORE_USER_SCHEMA.attribute("userName").orElseThrow().description())
                .put("required", true)
                .put("caseExact", false)
                .put("mutability", "readWrite")
                .put("returned", "default")
                .put("uniqueness", "server")
                .build());
        assertThat(attribute(attributes, "userType").getArray("canonicalValues").orElseThrow().values())
                .containsExactly(ScimValue.of("Registered"), ScimValue.of("Moderator"), ScimValue.of("Admin"));
        assertThat(attribute(attributes, "profileUrl").getArray("referenceTypes"))
                .contains(ScimArray.of(ScimValue.of("external")));
        assertThat(attribute(attributes, "password").getString("returned")).contains("never");
        assertThat(attribute(attributes, "password").getString("mutability")).contains("writeOnly");
        ScimObject emails = attribute(attributes, "emails");
        assertThat(emails.getBoolean("multiValued")).contains(true);
        assertThat(emails.getString("type")).contains("complex");
        assertThat(objects(emails, "subAttributes")).extracting(sub -> sub.getString("name").orElseThrow())
                .containsExactly("value", "display", "type", "primary");
        assertThat(attribute(objects(emails, "subAttributes"), "type").getArray("canonicalValues")).isPresent();
    }

    @Test
    void rostersExtensionDescribesStackUserTypeAndTheReadOnlyPendingMark() {
        List<ScimObject> attributes = objects(discovery.schema(UserSchemas.ROLE_EXTENSION).orElseThrow(), "attributes");

        assertThat(attributes).extracting(a -> a.getString("name").orElseThrow())
                .containsExactly("stackUserType", "pending");
        ScimObject stackUserType = attribute(attributes, "stackUserType");
        assertThat(stackUserType.getString("mutability")).contains("writeOnly");
        assertThat(stackUserType.getString("returned")).contains("never");
        ScimObject pending = attribute(attributes, "pending");
        assertThat(pending.getString("type")).contains("boolean");
        assertThat(pending.getString("mutability")).contains("readOnly");
        assertThat(pending.getString("returned")).contains("default");
        assertThat(pending.getString("description").orElseThrow()).contains("not signed in")
                .contains("no account").contains("same id").contains("201");
        assertThat(object(discovery.schema(UserSchemas.ROLE_EXTENSION).orElseThrow(), "meta").getString(
                "resourceType")).contains("Schema");
    }

    @Test
    void theServiceProviderConfigOfASiteSaysWhatA201ToPostUsersMeansUnderItsPolicy() {
        String extension = "urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig";
        for (CreationPolicy policy : CreationPolicy.values()) {
            ScimObject config = discovery.serviceProviderConfig(policy);

            assertThat(config.getArray("schemas").orElseThrow().values()).containsExactly(
                    ScimValue.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
                    ScimValue.of(extension));
            assertThat(object(config, extension).getString("userCreation")).contains(policy.label());
            assertThat(config.without(extension).without("schemas"))
                    .isEqualTo(discovery.serviceProviderConfig().without("schemas"));
        }
        assertThat(object(discovery.serviceProviderConfig(CreationPolicy.PENDING), extension)
                .getString("userCreationDescription").orElseThrow())
                .contains("201").contains("pending identity").contains("no account").contains("same id");
        assertThat(object(discovery.serviceProviderConfig(CreationPolicy.JIT_ONLY), extension)
                .getString("userCreationDescription").orElseThrow()).contains("403");
        assertThat(object(discovery.serviceProviderConfig(CreationPolicy.ALLOW), extension)
                .getString("userCreationDescription").orElseThrow()).contains("creates their account");
    }
}
