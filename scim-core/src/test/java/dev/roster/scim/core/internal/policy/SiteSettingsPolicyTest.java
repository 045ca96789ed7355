package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SettingsChange;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class SiteSettingsPolicyTest {

    private static final SiteSettings NEW = SiteSettings.newSite(SiteId.of("acme"));
    private static final SiteSettings SCIM = NEW.withSsoConfigured(true).withScimEnabled(true).withManageRoles(true);

    @Test
    void turningSsoOffTurnsScimAndRoleManagementOffAndKeepsThePolicy() {
        SiteSettings withPolicy = SCIM.withCreationPolicy(Optional.of(CreationPolicy.ALLOW));

        SiteSettings off = SiteSettingsPolicy.updated(withPolicy, SettingsChange.none().ssoConfigured(false),
                CreationPolicy.PENDING);

        assertThat(off.ssoConfigured()).isFalse();
        assertThat(off.scimEnabled()).isFalse();
        assertThat(off.manageRoles()).isFalse();
        assertThat(off.creationPolicy()).contains(CreationPolicy.ALLOW);
    }

    @Test
    void scimSettingsWithoutSsoAreAConflictButRestatingWhatAppliesIsNoChange() {
        for (SettingsChange change : new SettingsChange[] {SettingsChange.none().scimEnabled(true),
                SettingsChange.none().manageRoles(true), SettingsChange.none().creationPolicy(CreationPolicy.ALLOW),
                SettingsChange.none().ssoConfigured(false).scimEnabled(true)}) {
            assertThatThrownBy(() -> SiteSettingsPolicy.updated(NEW, change, CreationPolicy.PENDING))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT);
                        assertThat(e.detail()).contains("once SSO is configured");
                    });
        }
        assertThat(SiteSettingsPolicy.updated(NEW, SettingsChange.none().creationPolicy(CreationPolicy.PENDING)
                .scimEnabled(false), CreationPolicy.PENDING)).isEqualTo(NEW);
    }

    @Test
    void aSiteServesScimOnlyWithScimEnabledAndSsoConfigured() {
        assertThat(SiteSettingsPolicy.servesScim(SCIM)).isTrue();
        assertThat(SiteSettingsPolicy.servesScim(SCIM.withScimEnabled(false))).isFalse();
        assertThat(SiteSettingsPolicy.servesScim(SCIM.withSsoConfigured(false))).isFalse();
        assertThat(SiteSettingsPolicy.servesScim(NEW)).isFalse();
    }

    @Test
    void aSiteWithoutAPolicyOfItsOwnKeepsFollowingTheDefault() {
        SiteSettings sso = NEW.withSsoConfigured(true);

        assertThat(SiteSettingsPolicy.updated(sso, SettingsChange.none().scimEnabled(true), CreationPolicy.ALLOW)
                .creationPolicy()).isEmpty();
        assertThat(SiteSettingsPolicy.updated(sso, SettingsChange.none().creationPolicy(CreationPolicy.JIT_ONLY),
                CreationPolicy.ALLOW).creationPolicy()).contains(CreationPolicy.JIT_ONLY);
    }

    @Test
    void onlyTurningRoleManagementOffDropsHeldRolesToWhatAFirstSignInGives() {
        SiteSettings unmanaged = SCIM.withManageRoles(false);
        User pendingModerator = user("u1", "ann").pending(true).role(Role.MODERATOR).build();

        assertThat(SiteSettingsPolicy.dropsHeldRoles(SCIM, unmanaged)).isTrue();
        assertThat(SiteSettingsPolicy.dropsHeldRoles(unmanaged, unmanaged)).isFalse();
        assertThat(SiteSettingsPolicy.dropsHeldRoles(unmanaged, SCIM)).isFalse();
        assertThat(SiteSettingsPolicy.withoutHeldRole(pendingModerator, unmanaged).role()).isEqualTo(Role.REGISTERED);
        assertThat(SiteSettingsPolicy.withoutHeldRole(pendingModerator, SCIM).role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void heldRolesAreTheRolesOtherThanRegistered() {
        assertThat(held(user("u1", "ann").role(Role.MODERATOR).build())).isTrue();
        assertThat(held(user("u1", "ann").role(Role.ADMIN).build())).isTrue();
        assertThat(held(user("u1", "ann").role(Role.REGISTERED).build())).isFalse();
    }

    @Test
    void aTokenNeedsSso() {
        SiteSettingsPolicy.requireSsoForTokens(NEW.withSsoConfigured(true));
        assertThatThrownBy(() -> SiteSettingsPolicy.requireSsoForTokens(NEW))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT));
    }

    private static boolean held(User user) {
        return FilterEvaluator.matches(SiteSettingsPolicy.HELD_ROLES, UserResources.toScim(user));
    }
}
