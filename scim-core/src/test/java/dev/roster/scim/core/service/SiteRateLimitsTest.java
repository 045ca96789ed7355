package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.Admission;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.RateLimitRefusal;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.TokenRequest;
import dev.roster.scim.core.port.out.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which buckets a SCIM request takes from (ADR 024), with a limiter that counts permits and never refills. */
class SiteRateLimitsTest {

    private final Fixture fixture = new Fixture();
    private final CountingLimiter limiter = new CountingLimiter();
    private final SiteAdministrationService sites = new SiteAdministrationService(fixture.ports(),
            CreationPolicy.DEFAULT, limiter, RateLimits.NONE);

    @Test
    void aSiteWithoutLimitsTakesFromNoBucket() {
        GeneratedToken token = sites.generateToken(SITE);

        for (int i = 0; i < 50; i++) {
            assertThat(sites.admit(SITE, token.token(), "a").admitted()).isTrue();
        }
        assertThat(limiter.asked).isEmpty();
    }

    @Test
    void theTokensBucketComesFirstSoATokenOverItsShareTakesNothingFromTheSite() {
        limits("10/min", "2/min");
        GeneratedToken runaway = sites.generateToken(SITE, TokenRequest.named("leaked").keepingOthers());
        GeneratedToken idp = sites.generateToken(SITE, TokenRequest.named("okta").keepingOthers());

        for (int i = 0; i < 20; i++) {
            sites.admit(SITE, runaway.token(), "a");
        }
        Admission refused = sites.admit(SITE, runaway.token(), "a");

        assertThat(refused.rateLimited()).hasValueSatisfying(refusal -> {
            assertThat(refusal.scope()).isEqualTo(RateLimitRefusal.Scope.TOKEN);
            assertThat(refusal.detail()).contains("token's rate limit of 2/min", "retry in");
        });
        assertThat(limiter.taken("site/acme")).isEqualTo(2);
        assertThat(sites.admit(SITE, idp.token(), "a").admitted()).isTrue();
        assertThat(sites.admit(SITE, idp.token(), "a").admitted()).isTrue();
        assertThat(sites.admit(SITE, idp.token(), "a").rateLimited().map(RateLimitRefusal::scope))
                .contains(RateLimitRefusal.Scope.TOKEN);
    }

    @Test
    void theSitesLimitCapsAllItsTokensTogether() {
        limits("3/min", "2/min");
        GeneratedToken a = sites.generateToken(SITE, TokenRequest.named("a").keepingOthers());
        GeneratedToken b = sites.generateToken(SITE, TokenRequest.named("b").keepingOthers());

        assertThat(sites.admit(SITE, a.token(), "x").admitted()).isTrue();
        assertThat(sites.admit(SITE, a.token(), "x").admitted()).isTrue();
        assertThat(sites.admit(SITE, b.token(), "x").admitted()).isTrue();

        Admission refused = sites.admit(SITE, b.token(), "x");
        assertThat(refused.decision()).isEqualTo(AccessDecision.OK);
        assertThat(refused.rateLimited()).hasValueSatisfying(refusal -> {
            assertThat(refusal.scope()).isEqualTo(RateLimitRefusal.Scope.SITE);
            assertThat(refusal.detail()).isEqualTo("This site's rate limit of 3/min is used up: retry in 20 seconds.");
            assertThat(refusal.retryAfterSeconds()).isEqualTo(20);
        });
    }

    @Test
    void aWrongTokenOrASiteWithScimOffIsRefusedBeforeAnyBucketIsAsked() {
        limits("1/min", "1/min");
        GeneratedToken token = sites.generateToken(SITE);

        assertThat(sites.admit(SITE, "wrong", "a").decision()).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(sites.admit(SiteId.of("nowhere"), token.token(), "a").decision())
                .isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(limiter.asked).isEmpty();

        sites.updateSettings(SITE, SettingsChange.none().scimEnabled(false));
        assertThat(sites.admit(SITE, token.token(), "a")).isEqualTo(Admission.of(AccessDecision.SCIM_DISABLED));
        assertThat(limiter.asked).isEmpty();
    }

    @Test
    void aRefusedRequestDoesNotRecordTheTokensUse() {
        limits("1/min", "");
        GeneratedToken token = sites.generateToken(SITE);
        sites.admit(SITE, token.token(), "192.0.2.1");
        fixture.clock.advance(Duration.ofMinutes(5));

        assertThat(sites.admit(SITE, token.token(), "192.0.2.99").rateLimited()).isPresent();

        assertThat(sites.tokens(SITE).get(0).lastUsedFrom()).contains("192.0.2.1");
    }

    @Test
    void authenticateAloneNeverTakesAPermit() {
        limits("1/min", "1/min");
        GeneratedToken token = sites.generateToken(SITE);

        for (int i = 0; i < 5; i++) {
            assertThat(sites.authenticate(SITE, token.token(), "a")).isEqualTo(AccessDecision.OK);
        }
        assertThat(limiter.asked).isEmpty();
    }

    @Test
    void limitsAreSetAndClearedWithOrWithoutSsoAndEachChangeIsAudited() {
        sites.updateSettings(SITE, SettingsChange.none().ssoConfigured(false)
                .siteRateLimit(Optional.of(RateLimit.parse("600/min"))));
        sites.updateSettings(SITE, SettingsChange.none().perTokenRateLimit(Optional.of(RateLimit.parse("5/s"))));
        sites.updateSettings(SITE, SettingsChange.none().siteRateLimit(Optional.empty()));

        assertThat(sites.settings(SITE).rateLimits())
                .isEqualTo(new RateLimits(Optional.empty(), Optional.of(RateLimit.parse("5/s"))));
        List<String> details = fixture.audit.all().stream().map(AuditRecord::detail).toList();
        assertThat(details).anyMatch(text -> text.contains("site rate limit none -> 600/min"))
                .anyMatch(text -> text.contains("per-token rate limit none -> 5/s"))
                .anyMatch(text -> text.contains("site rate limit 600/min -> none"));
    }

    @Test
    void newSitesGetTheDefaultLimitsAndExistingOnesKeepTheirs() {
        SiteAdministrationService withDefault = new SiteAdministrationService(fixture.ports(),
                CreationPolicy.DEFAULT, limiter, RateLimits.NONE.withSite(Optional.of(RateLimit.parse("600/min"))));

        withDefault.createSite("globex");

        assertThat(withDefault.settings(SiteId.of("globex")).rateLimits().site()).contains(RateLimit.parse("600/min"));
        assertThat(withDefault.settings(SITE).rateLimits()).isEqualTo(RateLimits.NONE);
    }

    private void limits(String site, String perToken) {
        sites.updateSettings(SITE, SettingsChange.none()
                .siteRateLimit(Optional.of(site).filter(text -> !text.isEmpty()).map(RateLimit::parse))
                .perTokenRateLimit(Optional.of(perToken).filter(text -> !text.isEmpty()).map(RateLimit::parse)));
    }

    /** Each bucket holds its limit's burst and never refills; a refusal waits one interval. */
    private static final class CountingLimiter implements RateLimiter {

        final List<String> asked = new ArrayList<>();
        private final Map<String, Integer> taken = new HashMap<>();

        @Override
        public Optional<Duration> tryAcquire(String bucket, RateLimit limit) {
            asked.add(bucket);
            if (taken(bucket) >= limit.burst()) {
                return Optional.of(limit.interval());
            }
            taken.merge(bucket, 1, Integer::sum);
            return Optional.empty();
        }

        int taken(String bucket) {
            return taken.getOrDefault(bucket, 0);
        }
    }
}
