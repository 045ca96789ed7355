package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.TokenRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Several tokens per site: rotation with an overlap, expiry, revocation, last use, and their audit records. */
class SiteTokensTest {

    private final Fixture fixture = new Fixture();
    private final SiteAdministrationService sites = fixture.siteAdmin();

    @Test
    void aRotationWithAnOverlapKeepsTheOldTokenWorkingUntilTheOverlapEnds() {
        GeneratedToken old = sites.generateToken(SITE);

        GeneratedToken rotated = sites.generateToken(SITE, TokenRequest.named("okta-2")
                .replacingAfter(Duration.ofMinutes(30)));

        assertThat(sites.authenticate(SITE, old.token(), "a")).isEqualTo(AccessDecision.OK);
        assertThat(sites.authenticate(SITE, rotated.token(), "a")).isEqualTo(AccessDecision.OK);
        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(sites.authenticate(SITE, old.token(), "a")).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, rotated.token(), "a")).isEqualTo(AccessDecision.OK);
    }

    @Test
    void anOverlapNeverLengthensAnEarlierExpiry() {
        Instant soon = fixture.clock.instant().plusSeconds(60);
        GeneratedToken old = sites.generateToken(SITE, TokenRequest.named("short").expiringAt(soon));

        sites.generateToken(SITE, TokenRequest.named("new").replacingAfter(Duration.ofDays(1)));

        assertThat(sites.tokens(SITE).get(0).expiresAt()).contains(soon.truncatedTo(ChronoUnit.MILLIS));
        fixture.clock.advance(Duration.ofSeconds(61));
        assertThat(sites.authenticate(SITE, old.token(), "a")).isEqualTo(AccessDecision.UNAUTHENTICATED);
    }

    @Test
    void aTokenAddedBesideTheOthersLeavesThemWorking() {
        GeneratedToken okta = sites.generateToken(SITE, TokenRequest.named("okta"));

        GeneratedToken entra = sites.generateToken(SITE, TokenRequest.named("entra").keepingOthers());

        assertThat(sites.authenticate(SITE, okta.token(), "a")).isEqualTo(AccessDecision.OK);
        assertThat(sites.authenticate(SITE, entra.token(), "a")).isEqualTo(AccessDecision.OK);
        assertThat(sites.tokens(SITE)).extracting(SiteToken::name).containsExactly("okta", "entra");
    }

    @Test
    void aTokenStopsWorkingWhenItExpiresAndIsRemovedAtTheNextGeneration() {
        GeneratedToken expiring = sites.generateToken(SITE, TokenRequest.named("trial")
                .expiringAt(fixture.clock.instant().plus(Duration.ofHours(1))));
        assertThat(sites.authenticate(SITE, expiring.token(), "a")).isEqualTo(AccessDecision.OK);

        fixture.clock.advance(Duration.ofHours(1));

        assertThat(sites.authenticate(SITE, expiring.token(), "a")).isEqualTo(AccessDecision.UNAUTHENTICATED);
        fixture.clock.advance(Duration.ofMillis(1));
        sites.generateToken(SITE, TokenRequest.named("next").keepingOthers());
        assertThat(sites.tokens(SITE)).extracting(SiteToken::name).containsExactly("next");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheOthersKeepWorking() {
        GeneratedToken okta = sites.generateToken(SITE, TokenRequest.named("okta"));
        GeneratedToken entra = sites.generateToken(SITE, TokenRequest.named("entra").keepingOthers());

        sites.revokeToken(SITE, okta.stored().id());

        assertThat(sites.authenticate(SITE, okta.token(), "a")).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.authenticate(SITE, entra.token(), "a")).isEqualTo(AccessDecision.OK);
        failure(ScimErrorType.NOT_FOUND, () -> sites.revokeToken(SITE, okta.stored().id()));
    }

    @Test
    void theLastUseIsRecordedWithTheClientAddressAtMostOnceAMinute() {
        GeneratedToken token = sites.generateToken(SITE);
        Instant first = fixture.clock.instant();

        sites.authenticate(SITE, token.token(), "192.0.2.7");
        fixture.clock.advance(Duration.ofSeconds(59));
        sites.authenticate(SITE, token.token(), "198.51.100.1");

        SiteToken stored = sites.tokens(SITE).get(0);
        assertThat(stored.lastUsedAt()).contains(first.truncatedTo(ChronoUnit.MILLIS));
        assertThat(stored.lastUsedFrom()).contains("192.0.2.7");
        fixture.clock.advance(Duration.ofSeconds(1));
        sites.authenticate(SITE, token.token(), "198.51.100.1");
        assertThat(sites.tokens(SITE).get(0).lastUsedFrom()).contains("198.51.100.1");
    }

    @Test
    void aWrongTokenRecordsNoUse() {
        sites.generateToken(SITE);

        sites.authenticate(SITE, "guess", "192.0.2.7");

        assertThat(sites.tokens(SITE).get(0).lastUsedAt()).isEmpty();
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        sites.generateToken(SITE);
        List<SiteToken> before = sites.tokens(SITE);

        failure(ScimErrorType.INVALID_VALUE, () -> sites.generateToken(SITE, TokenRequest.named("x".repeat(65))));
        failure(ScimErrorType.INVALID_VALUE, () -> sites.generateToken(SITE, TokenRequest.named("a\nb")));
        failure(ScimErrorType.INVALID_VALUE, () -> sites.generateToken(SITE, TokenRequest.named("past")
                .expiringAt(fixture.clock.instant().minusSeconds(1))));
        failure(ScimErrorType.INVALID_VALUE, () -> sites.generateToken(SITE, TokenRequest.named("o")
                .replacingAfter(Duration.ofDays(31))));
        failure(ScimErrorType.INVALID_VALUE, () -> sites.generateToken(SITE, TokenRequest.named("o")
                .replacingAfter(Duration.ofSeconds(-1))));

        assertThat(sites.tokens(SITE)).isEqualTo(before);
    }

    @Test
    void aSiteHasAtMostTenLiveTokens() {
        for (int i = 0; i < 10; i++) {
            sites.generateToken(SITE, TokenRequest.named("t" + i).keepingOthers());
        }

        failure(ScimErrorType.CONFLICT, () -> sites.generateToken(SITE, TokenRequest.named("t10").keepingOthers()));
        sites.generateToken(SITE, TokenRequest.named("replacing"));
        assertThat(sites.tokens(SITE)).extracting(SiteToken::name).containsExactly("replacing");
    }

    @Test
    void creatingRotatingAndRevokingTokensIsAudited() {
        GeneratedToken first = sites.generateToken(SITE, TokenRequest.named("okta"));
        GeneratedToken second = sites.generateToken(SITE, TokenRequest.named("okta-2")
                .replacingAfter(Duration.ofMinutes(60)));
        sites.revokeToken(SITE, first.stored().id());

        List<AuditRecord> records = fixture.audit.all();
        assertThat(records).extracting(AuditRecord::action)
                .containsExactly("token-created", "token-rotated", "token-revoked");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.source()).isEqualTo(ChangeSource.ADMIN);
            assertThat(record.userId()).isEmpty();
            assertThat(record.detail()).doesNotContain(first.token(), second.token());
        });
        assertThat(records.get(1).detail()).contains("okta-2", "'okta'", "60 minutes");
        assertThat(records.get(2).before()).hasValueSatisfying(text -> assertThat(text).contains(first.stored().id()));
    }

    @Test
    void everySettingsChangeIsAuditedWithBeforeAndAfterAndNoChangeIsNot() {
        sites.updateSettings(SITE, SettingsChange.none().manageRoles(true).creationPolicy(CreationPolicy.ALLOW));
        sites.updateSettings(SITE, SettingsChange.none().manageRoles(true));

        assertThat(fixture.audit.all()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("settings");
            assertThat(record.source()).isEqualTo(ChangeSource.ADMIN);
            assertThat(record.before()).hasValueSatisfying(text -> assertThat(text).contains("manageRoles=false"));
            assertThat(record.after()).hasValueSatisfying(text -> assertThat(text)
                    .contains("manageRoles=true", "creationPolicy=allow"));
            assertThat(record.detail()).contains("SCIM manages roles on", "creation policy");
        });
    }
}
