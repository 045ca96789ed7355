package dev.roster.scim.core.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.mapping.UserResourcesTest;
import dev.roster.scim.core.port.in.RequestedAttributes;
import dev.roster.scim.core.schema.UserSchemas;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class ProjectionTest {

    private final ScimObject resource = UserResources.toScim(UserResourcesTest.sampleUser());

    @Test
    void attributesKeepOnlyWhatWasAskedPlusIdAndSchemas() {
        ScimObject projected = projection(Optional.of("USERNAME,name.givenName,emails.value"), Optional.empty())
                .apply(resource);

        assertThat(projected.names()).containsExactlyInAnyOrder("schemas", "id", "userName", "name", "emails");
        assertThat(projected.getObject("name").orElseThrow().names()).containsExactly("givenName");
        assertThat(projected.getArray("emails").orElseThrow().values())
                .containsExactly(ScimObject.builder().put("value", "ann@example.com").build());
    }

    @Test
    void excludedAttributesRemoveButNeverTheAlwaysReturnedId() {
        ScimObject projected = projection(Optional.empty(), Optional.of("emails,id,meta.version,name"))
                .apply(resource);

        assertThat(projected.has("emails")).isFalse();
        assertThat(projected.has("name")).isFalse();
        assertThat(projected.getString("id")).contains("u-1");
        assertThat(projected.getObject("meta").orElseThrow().has("version")).isFalse();
    }

    @Test
    void extensionAttributesByUrnOrWholeExtension() {
        String enterprise = UserSchemas.ENTERPRISE_USER;

        ScimObject one = projection(Optional.of(enterprise + ":department"), Optional.empty()).apply(resource);
        ScimObject whole = projection(Optional.of(enterprise), Optional.empty()).apply(resource);
        ScimObject without = projection(Optional.empty(), Optional.of(enterprise)).apply(resource);

        assertThat(one.getObject(enterprise).flatMap(e -> e.getString("department"))).contains("R&D");
        assertThat(whole.getObject(enterprise)).isEqualTo(resource.getObject(enterprise));
        assertThat(without.has(enterprise)).isFalse();
    }

    @Test
    void unknownNamesAreIgnoredAndTheDefaultKeepsEverything() {
        assertThat(projection(Optional.empty(), Optional.of("nonsense")).apply(resource)).isEqualTo(resource);
        assertThat(Projection.DEFAULT.apply(resource)).isEqualTo(resource);
    }

    @Test
    void attributesNamingOnlyUnknownNamesReturnIdAndSchemasAlone() {
        for (String names : new String[]{"nonsense", "nonsense,alsoNonsense", "name.nonsense",
                "urn:ietf:params:scim:schemas:extension:other:2.0:User:x", "groups.$ref"}) {
            ScimObject projected = project(names, null);

            assertThat(projected.names()).as(names).containsExactly("schemas", "id");
            assertThat(projected.get("schemas")).isEqualTo(resource.get("schemas"));
        }
    }

    @Test
    void attributesMixingKnownAndUnknownNamesReturnTheKnownOnes() {
        ScimObject projected = project("nonsense,userName,name.nonsense,NAME.GIVENNAME", null);

        assertThat(projected.names()).containsExactly("schemas", "id", "userName", "name");
        assertThat(projected.getObject("name").orElseThrow().names()).containsExactly("givenName");
    }

    @Test
    void urnQualifiedNamesSelectLikeBareOnes() {
        String core = UserSchemas.CORE_USER;

        assertThat(project(core + ":userName," + core.toUpperCase(java.util.Locale.ROOT) + ":name.familyName", null))
                .isEqualTo(project("userName,name.familyName", null));
    }

    @Test
    void theCoreSchemaUrnNamesEveryAttributeOutsideTheExtensions() {
        ScimObject projected = project(UserSchemas.CORE_USER, null);

        assertThat(projected).isEqualTo(resource.without(UserSchemas.ENTERPRISE_USER));
        assertThat(project(null, UserSchemas.CORE_USER).names())
                .containsExactly("schemas", "id", UserSchemas.ENTERPRISE_USER);
    }

    @Test
    void blankAttributesAreNoAttributes() {
        assertThat(project(" , ,", null)).isEqualTo(resource);
    }

    @Test
    void excludedAttributesNamingUnknownOrAlwaysReturnedNamesRemoveNothing() {
        assertThat(project(null, "nonsense,name.nonsense,id,schemas")).isEqualTo(resource);
        assertThat(project("nonsense", "id").names()).containsExactly("schemas", "id");
    }

    @Test
    void neverReturnedAttributesNeverShowEvenWhenAskedFor() {
        ScimObject withPassword = resource.with("password", ScimValue.of("s3cret"));

        assertThat(Projection.DEFAULT.apply(withPassword).has("password")).isFalse();
        assertThat(projection(Optional.of("password,userName"), Optional.empty()).apply(withPassword).names())
                .containsExactly("schemas", "id", "userName");
        assertThat(projection(Optional.of(UserSchemas.CORE_USER), Optional.empty()).apply(withPassword)
                .has("password")).isFalse();
    }

    /** Names as an adapter reads them from the request, which checks that each is an attribute path. */
    private static Projection projection(Optional<String> attributes, Optional<String> excludedAttributes) {
        RequestedAttributes requested = RequestedAttributes.of(attributes, excludedAttributes);
        return Projection.of(requested.attributes(), requested.excludedAttributes());
    }

    private ScimObject project(String attributes, String excludedAttributes) {
        return projection(Optional.ofNullable(attributes), Optional.ofNullable(excludedAttributes)).apply(resource);
    }
}
