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

    /**
     * The editable view is built directly (ADR 042) and is exactly the full representation without what the
     * service provider decides, members in the same order: random users of every shape, pending ones among them,
     * and attributes kept under names the representation itself uses.
     */
    @Test
    void theEditableViewIsTheFullRepresentationWithoutWhatTheServiceProviderDecides() {
        dev.roster.scim.testkit.RandomUsers random = new dev.roster.scim.testkit.RandomUsers(42L);
        List<User> users = new java.util.ArrayList<>();
        for (int serial = 0; serial < 500; serial++) {
            users.add(random.next(serial));
        }
        User sample = sampleUser();
        ScimObject clashing = ScimObject.builder()
                .put("urn:x:first", ScimObject.builder().put("a", ScimValue.of(1)).build())
                .put("Active", false).put("ID", "other").put("Meta", ScimObject.EMPTY).put("title", "Boss")
                .put(UserSchemas.ROLE_EXTENSION, ScimObject.EMPTY).put("SCHEMAS", "x").put("usertype", "Admin")
                .build();
        users.add(new User(sample.id(), sample.userName(), sample.externalId(), sample.active(), sample.role(),
                sample.displayName(), sample.name(), sample.emails(), clashing, sample.idpActive(),
                sample.lastChangedBy(), sample.claimedByIdp(), sample.hidden(), true, sample.version(),
                sample.created(), sample.lastModified()));

        for (User user : users) {
            ScimObject expected = UserResources.toScim(user).without("schemas").without("id").without("meta")
                    .without("userType").without("active").without(UserSchemas.ROLE_EXTENSION);
            ScimObject view = UserResources.editableView(user);
            assertThat(view).isEqualTo(expected);
            assertThat(view.names()).containsExactlyElementsOf(expected.names());
        }
    }

    /**
     * The default set is built in one pass, without a copy when nothing is dropped: the same object, members in the
     * same order, as dropping each member returned never or by request one by one; for random users' renderings,
     * and for resources with such members under every spelling, at the start, in the middle and at the end.
     */
    @Test
    void theDefaultSetIsTheResourceWithoutWhatIsReturnedNeverOrOnRequest() {
        dev.roster.scim.testkit.RandomUsers random = new dev.roster.scim.testkit.RandomUsers(7L);
        List<ScimObject> resources = new java.util.ArrayList<>();
        for (int serial = 0; serial < 300; serial++) {
            resources.add(UserResources.toScim(random.next(serial)));
        }
        ScimObject full = UserResources.toScim(sampleUser());
        for (String hidden : List.of("password", "PASSWORD", "urn:ietf:params:scim:schemas:core:2.0:User:password",
                "Password")) {
            resources.add(ScimObject.builder().put(hidden, "secret").build());
            resources.add(ScimObject.builder().put(hidden, "secret").put("userName", "ann").put("title", "x")
                    .build());
            resources.add(full.with(hidden, ScimValue.of("secret")));
            ScimObject.Builder middle = ScimObject.builder();
            full.forEach((name, value) -> {
                middle.put(name, value);
                if (name.equals("userName")) {
                    middle.put(hidden, ScimValue.of("secret"));
                    middle.put("groups", ScimValue.nullValue());
                }
            });
            resources.add(middle.build());
        }

        for (ScimObject resource : resources) {
            ScimObject expected = resource;
            for (String name : resource.names()) {
                if (!UserResources.isShownByDefault(name)) {
                    expected = expected.without(name);
                }
            }
            ScimObject shown = UserResources.defaultSet(resource);
            assertThat(shown).isEqualTo(expected);
            assertThat(shown.names()).containsExactlyElementsOf(expected.names());
        }
        assertThat(UserResources.defaultSet(full)).isSameAs(full);
    }

    /** The verdicts worked out once for the schemas' spellings are those of any other spelling, resolved. */
    @Test
    void whetherANameIsShownByDefaultDoesNotDependOnItsSpelling() {
        List<String> names = new java.util.ArrayList<>(List.of("schemas", "password", "groups", "x-unknown"));
        UserSchemas.COMMON_ATTRIBUTES.forEach(attribute -> names.add(attribute.name()));
        UserSchemas.ALL.forEach(schema -> {
            names.add(schema.id());
            schema.attributes().forEach(attribute -> names.add(attribute.name()));
        });
        for (String name : names) {
            assertThat(UserResources.isShownByDefault(name))
                    .as(name)
                    .isEqualTo(UserResources.isShownByDefault(name.toUpperCase(java.util.Locale.ROOT)));
        }
        assertThat(UserResources.isShownByDefault("password")).isFalse();
        assertThat(UserResources.isShownByDefault("userName")).isTrue();
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
