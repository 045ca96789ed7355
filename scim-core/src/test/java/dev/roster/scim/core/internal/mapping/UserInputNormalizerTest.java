package dev.roster.scim.core.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserInputNormalizerTest {

    private static final String ENTERPRISE = UserSchemas.ENTERPRISE_USER;

    @Test
    void attributeNamesTakeTheirSchemaSpelling() {
        ScimObject input = ScimObject.builder()
                .put("USERNAME", "ann")
                .put("Name", ScimObject.builder().put("GIVENNAME", "Ann").build())
                .build();

        ScimObject canonical = UserInputNormalizer.normalize(input);

        assertThat(canonical.names()).containsExactly("userName", "name");
        assertThat(canonical.getObject("name").orElseThrow().names()).containsExactly("givenName");
    }

    @Test
    void unknownReadOnlyNullAndSchemasMembersAreDropped() {
        ScimObject input = ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of(UserSchemas.CORE_USER)))
                .put("userName", "ann")
                .put("adreses", "misspelt")
                .put("id", "client-chosen")
                .put("meta", ScimObject.builder().put("version", "W/\"9\"").build())
                .put("groups", ScimArray.of(ScimObject.builder().put("value", "g1").build()))
                .put("title", ScimValue.nullValue())
                .build();

        assertThat(UserInputNormalizer.normalize(input).names()).containsExactly("userName");
    }

    @Test
    void dottedAndUrnQualifiedKeysBecomeNestedValues() {
        ScimObject input = ScimObject.builder()
                .put("name.givenName", "Ann")
                .put("name.familyName", "Lee")
                .put(ENTERPRISE + ":department", "R&D")
                .put("urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:stackUserType", "Admin")
                .build();

        ScimObject canonical = UserInputNormalizer.normalize(input);

        assertThat(canonical.getObject("name").orElseThrow())
                .isEqualTo(ScimObject.builder().put("givenName", "Ann").put("familyName", "Lee").build());
        assertThat(canonical.getObject(ENTERPRISE).flatMap(e -> e.getString("department"))).contains("R&D");
        assertThat(canonical.getObject(UserSchemas.ROLE_EXTENSION).flatMap(e -> e.getString("stackUserType")))
                .contains("Admin");
        assertThat(canonical.names()).containsExactly("name", ENTERPRISE, UserSchemas.ROLE_EXTENSION);
    }

    @Test
    void extensionObjectsUnderAnyCaseOfTheirUrnAreCanonical() {
        ScimObject input = ScimObject.builder()
                .put(ENTERPRISE.toUpperCase(), ScimObject.builder().put("DEPARTMENT", "Ops").put("unknown", "x")
                        .build())
                .build();

        assertThat(UserInputNormalizer.normalize(input))
                .isEqualTo(ScimObject.builder().put(ENTERPRISE, ScimObject.builder().put("department", "Ops").build())
                        .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "true", "TRUE", " true "})
    void booleansSentAsStringsAreBooleans(String text) {
        ScimObject canonical = UserInputNormalizer.normalize(ScimObject.builder().put("active", text).build());

        assertThat(canonical.getBoolean("active")).contains(true);
    }

    @Test
    void aSingleEmailObjectIsAnArrayOfOne() {
        ScimObject input = ScimObject.builder()
                .put("emails", ScimObject.builder().put("value", "a@example.com").put("primary", "true").build())
                .build();

        ScimArray emails = UserInputNormalizer.normalize(input).getArray("emails").orElseThrow();

        assertThat(emails.values()).containsExactly(ScimObject.builder()
                .put("value", "a@example.com").put("primary", true).build());
    }

    @Test
    void aManagerSentAsABareIdIsItsValue() {
        ScimObject input = ScimObject.builder().put(ENTERPRISE + ":manager", "boss-id").build();

        assertThat(UserInputNormalizer.normalize(input).getObject(ENTERPRISE).flatMap(e -> e.getObject("manager")))
                .contains(ScimObject.builder().put("value", "boss-id").build());
    }

    @Test
    void wrongTypesAreInvalidValue() {
        assertInvalidValue(ScimObject.builder().put("userName", ScimValue.of(42)).build(), "userName");
        assertInvalidValue(ScimObject.builder().put("active", "yes").build(), "active");
        assertInvalidValue(ScimObject.builder().put("name", "Ann Lee").build(), "name");
        assertInvalidValue(ScimObject.builder().put("title", ScimArray.of(ScimValue.of("a"))).build(), "title");
    }

    @Test
    void twoPrimaryValuesAreInvalid() {
        ScimObject primary = ScimObject.builder().put("value", "a@x").put("primary", true).build();
        ScimObject alsoPrimary = ScimObject.builder().put("value", "b@x").put("primary", true).build();

        assertInvalidValue(ScimObject.builder().put("emails", ScimArray.of(primary, alsoPrimary)).build(), "primary");
    }

    private static void assertInvalidValue(ScimObject input, String mentioned) {
        assertThatThrownBy(() -> UserInputNormalizer.normalize(input))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains(mentioned);
                });
    }
}
