package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

class SiteAdministrationServiceTest {

    private static final SiteId GLOBEX = SiteId.of("globex");

    private final Fixture fixture = new Fixture();
    private final SiteAdministrationService sites = fixture.siteAdmin();

    @Test
    void aNewSiteStartsWithoutSsoAndWithScimOff() {
        SiteSettings created = sites.createSite("globex");

        assertThat(created).isEqualTo(SiteSettings.newSite(GLOBEX)
                .withCreationPolicy(Optional.of(CreationPolicy.PENDING)));
        assertThat(sites.settings(GLOBEX)).isEqualTo(created);
        assertThat(sites.sites()).containsExactly(SITE, GLOBEX);
    }

    @Test
    void aNewSiteGetsTheConfiguredDefaultCreationPolicyStoredAsItsOwn() {
        SiteAdministrationService strict = new SiteAdministrationService(fixture.ports(), CreationPolicy.JIT_ONLY);

        SiteSettings created = strict.createSite("globex");

        assertThat(created.creationPolicy()).contains(CreationPolicy.JIT_ONLY);
        assertThat(fixture.sites.find(GLOBEX).orElseThrow().creationPolicy()).contains(CreationPolicy.JIT_ONLY);
        // Another default later does not change a site that has its own policy.
        assertThat(new SiteAdministrationService(fixture.ports(), CreationPolicy.ALLOW).settings(GLOBEX)
                .creationPolicy()).contains(CreationPolicy.JIT_ONLY);
    }

    @Test
    void aSiteWithoutAPolicyOfItsOwnShowsTheDefaultAndKeepsFollowingItUntilOneIsChosen() {
        assertThat(fixture.settings().creationPolicy()).isEmpty();
        SiteAdministrationService allowing = new SiteAdministrationService(fixture.ports(), CreationPolicy.ALLOW);

        assertThat(allowing.settings(SITE).creationPolicy()).contains(CreationPolicy.ALLOW);
        assertThat(allowing.updateSettings(SITE, SettingsChange.none().manageRoles(true)).creationPolicy())
                .contains(CreationPolicy.ALLOW);
        assertThat(fixture.settings().creationPolicy()).isEmpty();
        assertThat(sites.settings(SITE).creationPolicy()).contains(CreationPolicy.DEFAULT);
    }

    @Test
    void theCreationPolicyIsChosenPerSite() {
        sites.createSite("globex");

        SiteSettings chosen = sites.updateSettings(GLOBEX, SettingsChange.none().ssoConfigured(true)
                .creationPolicy(CreationPolicy.ALLOW));
        sites.updateSettings(SITE, SettingsChange.none().creationPolicy(CreationPolicy.JIT_ONLY));

        assertThat(chosen.creationPolicy()).contains(CreationPolicy.ALLOW);
        assertThat(sites.settings(GLOBEX).creationPolicy()).contains(CreationPolicy.ALLOW);
        assertThat(sites.settings(SITE).creationPolicy()).contains(CreationPolicy.JIT_ONLY);
    }

    @Test
    void theCreationPolicyIsAScimSettingAndNeedsSsoLikeTheOthers() {
        sites.createSite("globex");

        ScimException refused = failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(GLOBEX,
                SettingsChange.none().creationPolicy(CreationPolicy.ALLOW)));
        failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(SITE,
                SettingsChange.none().ssoConfigured(false).creationPolicy(CreationPolicy.JIT_ONLY)));

        assertThat(refused.detail()).isEqualTo(failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(GLOBEX,
                SettingsChange.none().scimEnabled(true))).detail());
        assertThat(sites.settings(GLOBEX).creationPolicy()).contains(CreationPolicy.PENDING);
        assertThat(sites.settings(SITE).ssoConfigured()).isTrue();
        assertThat(fixture.settings().creationPolicy()).as("nothing stored").isEmpty();
    }

    @Test
    void withoutSsoRestatingTheCreationPolicyThatAppliesIsNoChangeAndTurningSsoOffKeepsIt() {
        sites.updateSettings(SITE, SettingsChange.none().creationPolicy(CreationPolicy.JIT_ONLY));
        sites.updateSettings(SITE, SettingsChange.none().ssoConfigured(false));

        SiteSettings restated = sites.updateSettings(SITE, SettingsChange.none().scimEnabled(false)
                .creationPolicy(CreationPolicy.JIT_ONLY));

        assertThat(restated.creationPolicy()).contains(CreationPolicy.JIT_ONLY);
        assertThat(sites.updateSettings(SITE, SettingsChange.none().ssoConfigured(true)).creationPolicy())
                .contains(CreationPolicy.JIT_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "a b", "ac/me", "a-site-name-of-sixty-four-characters-is-one-too-many-for-a-sitex"})
    void anInvalidSiteNameIsInvalidValue(String name) {
        failure(ScimErrorType.INVALID_VALUE, () -> sites.createSite(name));
    }

    @Test
    void aSiteThatExistsCannotBeCreatedAgain() {
        failure(ScimErrorType.CONFLICT, () -> sites.createSite("acme"));
    }

    @Test
    void theSettingsOfAnUnknownSiteAreNotFound() {
        failure(ScimErrorType.NOT_FOUND, () -> sites.settings(GLOBEX));
        failure(ScimErrorType.NOT_FOUND, () -> sites.updateSettings(GLOBEX, SettingsChange.none().scimEnabled(true)));
        failure(ScimErrorType.NOT_FOUND, () -> sites.generateToken(GLOBEX));
    }

    @Test
    void scimSettingsNeedSso() {
        sites.createSite("globex");

        failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(GLOBEX, SettingsChange.none().scimEnabled(true)));
        failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(GLOBEX, SettingsChange.none().manageRoles(true)));
        failure(ScimErrorType.CONFLICT, () -> sites.generateToken(GLOBEX));
        failure(ScimErrorType.CONFLICT, () -> sites.updateSettings(SITE,
                SettingsChange.none().ssoConfigured(false).scimEnabled(true)));
        assertThat(sites.settings(GLOBEX)).isEqualTo(SiteSettings.newSite(GLOBEX)
                .withCreationPolicy(Optional.of(CreationPolicy.PENDING)));
    }

    @Test
    void withSsoScimAndRoleManagementCanBeTurnedOnAndOff() {
        sites.createSite("globex");

        SiteSettings on = sites.updateSettings(GLOBEX, SettingsChange.none().ssoConfigured(true).scimEnabled(true)
                .manageRoles(true));
        SiteSettings rolesOff = sites.updateSettings(GLOBEX, SettingsChange.none().manageRoles(false));

        assertThat(on.ssoConfigured() && on.scimEnabled() && on.manageRoles()).isTrue();
        assertThat(rolesOff.scimEnabled()).isTrue();
        assertThat(rolesOff.manageRoles()).isFalse();
        assertThat(sites.settings(GLOBEX)).isEqualTo(rolesOff);
    }

    @Test
    void turningSsoOffTurnsScimAndRoleManagementOffWithIt() {
        sites.updateSettings(SITE, SettingsChange.none().manageRoles(true));

        SiteSettings off = sites.updateSettings(SITE, SettingsChange.none().ssoConfigured(false));

        assertThat(off.ssoConfigured()).isFalse();
        assertThat(off.scimEnabled()).isFalse();
        assertThat(off.manageRoles()).isFalse();
    }

    @Test
    void aGeneratedTokenIs256RandomBitsInBase64UrlAndOnlyItsHashIsKept() {
        GeneratedToken token = sites.generateToken(SITE);

        assertThat(token.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.token())).hasSize(32);
        assertThat(token.createdAt()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MILLIS));
        assertThat(sites.tokens(SITE)).singleElement().satisfies(stored -> {
            assertThat(stored.hash()).isEqualTo(TokenHash.of(token.token()));
            assertThat(stored.createdAt()).isEqualTo(token.createdAt());
            assertThat(stored.name()).isEqualTo("token");
            assertThat(stored.toString()).doesNotContain(token.token());
        });
        assertThat(token.toString()).doesNotContain(token.token());
        assertThat(sites.generateToken(SITE).token()).isNotEqualTo(token.token());
    }

    @Test
    void aNewTokenOpensTheSiteAndTheOldOneStopsWorkingAtOnce() {
        GeneratedToken old = sites.generateToken(SITE);
        assertThat(sites.authenticate(SITE, old.token())).isEqualTo(AccessDecision.OK);

        GeneratedToken rotated = sites.generateToken(SITE);

        assertThat(sites.authenticate(SITE, old.token())).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, rotated.token())).isEqualTo(AccessDecision.OK);
    }

    @Test
    void authenticationFailsClosedWithoutTellingWhichSitesExist() {
        GeneratedToken token = sites.generateToken(SITE);
        sites.createSite("globex");

        assertThat(sites.authenticate(SiteId.of("nowhere"), token.token())).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(GLOBEX, token.token())).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, token.token() + "x")).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, "")).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, null)).isEqualTo(AccessDecision.UNAUTHENTICATED);
    }

    @Test
    void onlyTheRightTokenLearnsThatScimIsOff() {
        GeneratedToken token = sites.generateToken(SITE);
        sites.updateSettings(SITE, SettingsChange.none().scimEnabled(false));

        assertThat(sites.authenticate(SITE, token.token())).isEqualTo(AccessDecision.SCIM_DISABLED);
        assertThat(sites.authenticate(SITE, "guess")).isEqualTo(AccessDecision.UNAUTHENTICATED);
    }
}
