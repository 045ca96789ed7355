package dev.roster.scim.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserProfile;
import dev.roster.scim.core.schema.UserSchemas;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public class UserResourcesTest {

    public static User sampleUser() {
        ScimObject others = ScimObject.builder()
                .put("title", "Engineer")
                .put(UserSchemas.ENTERPRISE_USER, ScimObject.builder().put("department", "R&D").build())
                .build();
        Instant created = Instant.parse("2026-01-02T03:04:05.678Z");
        return new User("u-1", "ann", Optional.of("ext-1"), true, Role.MODERATOR, Optional.of("Ann Lee"),
                Name.of("Ann", "Lee"), List.of(Email.primaryWork("ann@example.com")), others, Optional.of(true),
                ChangeSource.SCIM, true, false, false, 3, created, created.plusSeconds(60));
    }

    @Test
    void representsEveryAttributeWithRoleAsUserTypeAndMetaLast() {
        ScimObject json = UserResources.toScim(sampleUser());

        assertThat(json.names()).first().isEqualTo("schemas");
        assertThat(json.names()).last().isEqualTo("meta");
        assertThat(json.getString("userType")).contains("Moderator");
        assertThat(json.getBoolean("active")).contains(true);
        assertThat(json.getArray("schemas").orElseThrow().values())
                .containsExactly(ScimValue.of(UserSchemas.CORE_USER), ScimValue.of(UserSchemas.ENTERPRISE_USER));
        assertThat(json.getObject("meta").orElseThrow()).isEqualTo(ScimObject.builder()
                .put("resourceType", "User")
                .put("created", "2026-01-02T03:04:05.678Z")
                .put("lastModified", "2026-01-02T03:05:05.678Z")
                .put("version", "W/\"3\"")
                .build());
    }

    @Test
    void theProfileRoundTripsThroughItsRepresentation() {
        User user = sampleUser();

        UserProfile profile = UserResources.profileOf(UserInputNormalizer.normalize(UserResources.toScim(user)));

        assertThat(profile.applyTo(user)).isEqualTo(user);
    }

    @Test
    void statusRolePasswordAndReadOnlyPartsAreNotProfile() {
        ScimObject input = UserInputNormalizer.normalize(ScimObject.builder()
                .put("userName", "ann")
                .put("password", "s3cret!")
                .put("active", false)
                .put("userType", "Admin")
                .put("stackUserType", "Admin")
                .build());

        assertThat(UserResources.profileOf(input).otherAttributes().isEmpty()).isTrue();
    }

    @Test
    void userNameIsRequired() {
        assertThatThrownBy(() -> UserResources.profileOf(ScimObject.builder().put("userName", "  ").build()))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("userName");
    }
}
