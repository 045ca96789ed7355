package dev.roster.scim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class ProjectionTest {

    private final ScimObject resource = UserResources.toScim(UserResourcesTest.sampleUser());

    @Test
    void attributesKeepOnlyWhatWasAskedPlusIdAndSchemas() {
        ScimObject projected = Projection.of(Optional.of("USERNAME,name.givenName,emails.value"), Optional.empty())
                .apply(resource);

        assertThat(projected.names()).containsExactlyInAnyOrder("schemas", "id", "userName", "name", "emails");
        assertThat(projected.getObject("name").orElseThrow().names()).containsExactly("givenName");
        assertThat(projected.getArray("emails").orElseThrow().values())
                .containsExactly(ScimObject.builder().put("value", "ann@example.com").build());
    }

    @Test
    void excludedAttributesRemoveButNeverTheAlwaysReturnedId() {
        ScimObject projected = Projection.of(Optional.empty(), Optional.of("emails,id,meta.version,name"))
                .apply(resource);

        assertThat(projected.has("emails")).isFalse();
        assertThat(projected.has("name")).isFalse();
        assertThat(projected.getString("id")).contains("u-1");
        assertThat(projected.getObject("meta").orElseThrow().has("version")).isFalse();
    }

    @Test
    void extensionAttributesByUrnOrWholeExtension() {
        String enterprise = UserSchemas.ENTERPRISE_USER;

        ScimObject one = Projection.of(Optional.of(enterprise + ":department"), Optional.empty()).apply(resource);
        ScimObject whole = Projection.of(Optional.of(enterprise), Optional.empty()).apply(resource);
        ScimObject without = Projection.of(Optional.empty(), Optional.of(enterprise)).apply(resource);

        assertThat(one.getObject(enterprise).flatMap(e -> e.getString("department"))).contains("R&D");
        assertThat(whole.getObject(enterprise)).isEqualTo(resource.getObject(enterprise));
        assertThat(without.has(enterprise)).isFalse();
    }

    @Test
    void unknownNamesAreIgnoredAndTheDefaultKeepsEverything() {
        assertThat(Projection.of(Optional.empty(), Optional.of("nonsense")).apply(resource)).isEqualTo(resource);
        assertThat(Projection.DEFAULT.apply(resource)).isEqualTo(resource);
    }
}
