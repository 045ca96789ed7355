package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

class ScimClaimsTest {

    private static final UserProfile ANN = new UserProfile("ann", Optional.of("ext-1"), Optional.of("Ann S"),
            Name.of("Ann", "Smith"), List.of(), ScimObject.EMPTY);

    @Test
    void aPostLinksAUserThatSignedInFirstKeepingStatusAndRole() {
        User signedIn = user("u1", "ann").role(Role.MODERATOR).active(false).build();

        User linked = ScimClaims.linked(signedIn, ANN);

        assertThat(linked.claimedByIdp()).isTrue();
        assertThat(linked.externalId()).contains("ext-1");
        assertThat(linked.id()).isEqualTo("u1");
        assertThat(linked.role()).isEqualTo(Role.MODERATOR);
        assertThat(linked.active()).isFalse();
    }

    @Test
    void aPostProvisionsAgainAUserTheIdpDeleted() {
        User deleted = user("u1", "ann").claimedByIdp(true).hidden(true).active(false).build();

        User linked = ScimClaims.linked(deleted, ANN);

        assertThat(linked.hidden()).isFalse();
        assertThat(linked.claimedByIdp()).isTrue();
    }

    @Test
    void aPostOfAClaimedUserOrPendingIdentityIsADuplicate() {
        for (User claimed : List.of(user("u1", "ann").claimedByIdp(true).build(),
                user("u1", "ann").claimedByIdp(true).pending(true).build())) {
            assertThatThrownBy(() -> ScimClaims.linked(claimed, ANN))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
        }
    }

    @Test
    void theCreationPolicySaysPendingOrAccountOrRefuses() {
        assertThat(ScimClaims.createsPending(CreationPolicy.PENDING, "ann")).isTrue();
        assertThat(ScimClaims.createsPending(CreationPolicy.ALLOW, "ann")).isFalse();
        assertThatThrownBy(() -> ScimClaims.createsPending(CreationPolicy.JIT_ONLY, "ann"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.FORBIDDEN);
                    assertThat(e.detail()).contains("'ann'").contains("first SSO sign-in");
                });
    }

    @ParameterizedTest
    @EnumSource(CreationPolicy.class)
    void aRefusedUserNameIsInvalidValueWhateverThePolicy(CreationPolicy policy) {
        assertThatThrownBy(() -> ScimClaims.createsPending(policy, "ann\u0000smith"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }

    @Test
    void aProvisionedUserIsClaimedByTheIdp() {
        User fresh = user("u1", "ann").build();

        assertThat(ScimClaims.provisioned(fresh, ANN, true).pending()).isTrue();
        assertThat(ScimClaims.provisioned(fresh, ANN, false).pending()).isFalse();
        assertThat(ScimClaims.provisioned(fresh, ANN, false).claimedByIdp()).isTrue();
        assertThat(ScimClaims.provisioned(fresh, ANN, false).displayName()).contains("Ann S");
    }

    @Test
    void aDeleteErasesAPendingIdentityAndHidesAnAccountAsDeactivatedByTheIdp() {
        assertThat(ScimClaims.afterDelete(user("u1", "ann").pending(true).build())).isEmpty();

        User deleted = ScimClaims.afterDelete(user("u1", "ann").build()).orElseThrow();

        assertThat(List.of(deleted.active(), deleted.hidden())).containsExactly(false, true);
        assertThat(deleted.idpActive()).contains(false);
        assertThat(deleted.drifted()).isFalse();
    }
}
