package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.mapping.UserInputNormalizer;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

class ProvisioningPolicyTest {

    private static final SiteSettings ROLES_MANAGED = SiteSettings.newSite(SiteId.of("acme")).withSsoConfigured(true)
            .withScimEnabled(true).withManageRoles(true);
    private static final SiteSettings ROLES_NOT_MANAGED = ROLES_MANAGED.withManageRoles(false);

    private final User ann = user("u-1", "ann").build();

    private static ScimAssertions asserted(Optional<Boolean> active, Optional<String> userType,
                                           Optional<String> stackUserType) {
        return new ScimAssertions(active, userType, stackUserType);
    }

    private static ScimAssertions role(String userType) {
        return asserted(Optional.empty(), Optional.of(userType), Optional.empty());
    }

    @Test
    void theFirstSignInGivesTheHeldRoleOnlyWhereRolesAreManaged() {
        User heldAdmin = user("u-1", "ann").role(Role.ADMIN).pending(true).build();

        assertThat(ProvisioningPolicy.roleAtFirstSignIn(heldAdmin, ROLES_MANAGED)).isEqualTo(Role.ADMIN);
        assertThat(ProvisioningPolicy.roleAtFirstSignIn(heldAdmin, ROLES_NOT_MANAGED)).isEqualTo(Role.REGISTERED);
    }

    @Test
    void activeFalseDeactivatesAndRecordsWhatTheIdpAsserted() {
        User result = ProvisioningPolicy.decide(ann, asserted(Optional.of(false), Optional.empty(), Optional.empty()),
                ROLES_NOT_MANAGED).user();

        assertThat(result.active()).isFalse();
        assertThat(result.idpActive()).contains(false);
    }

    @Test
    void activeTrueReactivatesAndRecordsWhatTheIdpAsserted() {
        User inactive = user("u-1", "ann").active(false).idpActive(false).build();

        User result = ProvisioningPolicy.decide(inactive, asserted(Optional.of(true), Optional.empty(),
                Optional.empty()), ROLES_NOT_MANAGED).user();

        assertThat(result.active()).isTrue();
        assertThat(result.idpActive()).contains(true);
    }

    @Test
    void blankRoleValuesAssertNothingEvenWhereRolesAreManaged() {
        User moderator = user("u-1", "ann").role(Role.MODERATOR).build();

        User result = ProvisioningPolicy.decide(moderator, ScimAssertions.of(UserInputNormalizer.normalize(
                ScimObject.builder().put("userType", "").put("stackUserType", "  ").build())), ROLES_MANAGED).user();

        assertThat(result.role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void assertingNothingChangesNothing() {
        User moderator = user("u-1", "ann").role(Role.MODERATOR).active(false).build();

        ProvisioningDecision decision = ProvisioningPolicy.decide(moderator, ScimAssertions.NONE, ROLES_MANAGED);

        assertThat(decision.user()).isEqualTo(moderator);
        assertThat(decision.ignoredRole()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Registered,REGISTERED", "moderator,MODERATOR", "ADMIN,ADMIN", "' admin ',ADMIN", "mOdErAtOr,MODERATOR"})
    void userTypeSetsTheRoleInAnyCaseWhenRolesAreManaged(String value, Role expected) {
        User start = user("u-1", "ann").role(expected == Role.REGISTERED ? Role.ADMIN : Role.REGISTERED).build();

        ProvisioningDecision decision = ProvisioningPolicy.decide(start, role(value), ROLES_MANAGED);

        assertThat(decision.user().role()).isEqualTo(expected);
        assertThat(decision.ignoredRole()).isEmpty();
    }

    @Test
    void stackUserTypeSetsTheRoleWhenRolesAreManaged() {
        User result = ProvisioningPolicy.decide(ann, asserted(Optional.empty(), Optional.empty(),
                Optional.of("admin")), ROLES_MANAGED).user();

        assertThat(result.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void stackUserTypeWinsOverUserTypeWhichIsThenNotEvenChecked() {
        User result = ProvisioningPolicy.decide(ann, asserted(Optional.empty(), Optional.of("Guest"),
                Optional.of("Moderator")), ROLES_MANAGED).user();

        assertThat(result.role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void aRoleIsIgnoredWhenTheSiteDoesNotLetScimManageRoles() {
        ProvisioningDecision decision = ProvisioningPolicy.decide(ann, role("Admin"), ROLES_NOT_MANAGED);

        assertThat(decision.user()).isEqualTo(ann);
        assertThat(decision.ignoredRole()).hasValueSatisfying(note -> assertThat(note)
                .contains("userType").contains("'Admin'").contains("does not let SCIM manage roles")
                .contains("stays Registered"));
    }

    @Test
    void aRoleValueThatIsAlreadyTheRoleIsNothingIgnored() {
        ProvisioningDecision decision = ProvisioningPolicy.decide(ann, role("registered"), ROLES_NOT_MANAGED);

        assertThat(decision.ignoredRole()).isEmpty();
    }

    @Test
    void anUnknownRoleIsInvalidValueNamingTheAllowedValuesWhenRolesAreManaged() {
        assertThatThrownBy(() -> ProvisioningPolicy.decide(ann, asserted(Optional.empty(), Optional.empty(),
                Optional.of("Boss")), ROLES_MANAGED))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(e.detail()).contains("stackUserType").contains("'Boss'")
                            .contains("Registered, Moderator or Admin");
                });
    }

    @Test
    void anUnknownRoleIsOnlyIgnoredWhenRolesAreNotManaged() {
        ProvisioningDecision decision = ProvisioningPolicy.decide(ann, role("Member"), ROLES_NOT_MANAGED);

        assertThat(decision.user()).isEqualTo(ann);
        assertThat(decision.ignoredRole()).hasValueSatisfying(note -> assertThat(note).contains("'Member'"));
    }

    @Test
    void assertionsAreReadFromACanonicalBodyWhereverTheIdpPutThem() {
        ScimObject body = UserInputNormalizer.normalize(ScimObject.builder()
                .put("userName", "ann")
                .put("active", "False")
                .put("userType", "Member")
                .put("urn:ietf:params:scim:schemas:extension:MyApp:2.0:User",
                        ScimObject.builder().put("stackUserType", "Admin").build())
                .build());

        ScimAssertions assertions = ScimAssertions.of(body);

        assertThat(assertions.active()).contains(false);
        assertThat(assertions.userType()).contains("Member");
        assertThat(assertions.stackUserType()).contains("Admin");
        assertThat(assertions.roleValue()).contains("Admin");
        assertThat(assertions.roleAttribute()).isEqualTo("stackUserType");
    }

    @Test
    void aBodyWithoutStatusOrRoleAssertsNothing() {
        ScimAssertions assertions = ScimAssertions.of(UserInputNormalizer.normalize(
                ScimObject.builder().put("userName", "ann").put("displayName", "Ann").build()));

        assertThat(assertions).isEqualTo(ScimAssertions.NONE);
    }
}
