package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.Admission;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.TokenRequest;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.testkit.UserBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission from the per-server cache of ADR 029: two services on one store stand for two servers on one database.
 * Each change made through one is seen by the other at its next request, though both had the site cached; the
 * common path reads only the settings version, and the use case takes the settings admission read.
 */
class AdmissionCacheTest {

    private static final ScimObject PATCH_INACTIVE = Fixture.json(
            "schemas", ScimArray.of(ScimValue.of(PatchRequest.PATCH_OP)),
            "Operations", ScimArray.of(Fixture.json("op", "replace", "path", "active", "value", false)));

    private final Fixture fixture = new Fixture();
    private final CountingSiteStore counted = new CountingSiteStore(fixture.sites);
    private final Ports serverBPorts = new Ports(fixture.users, counted, fixture.audit, fixture.transactions,
            fixture.events, fixture.clock);
    private final SiteAdministrationService serverA = fixture.siteAdmin();
    private final SiteAdministrationService serverB = new SiteAdministrationService(serverBPorts);
    private final GeneratedToken okta = serverA.generateToken(SITE, TokenRequest.named("okta"));

    @Test
    void aRevocationOnOneServerIsRefusedAtOnceOnTheOtherThoughItWasCached() {
        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.OK);

        serverA.revokeToken(SITE, okta.stored().id());

        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.UNAUTHENTICATED);
    }

    @Test
    void aRotationWithoutOverlapOnOneServerMovesTheOtherToTheNewTokenAtOnce() {
        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.OK);

        GeneratedToken rotated = serverA.generateToken(SITE,
                TokenRequest.named("okta-2").replacingAfter(Duration.ZERO));

        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(serverB.admit(SITE, rotated.token(), "a").decision()).isEqualTo(AccessDecision.OK);
    }

    @Test
    void disablingScimOnOneServerIsForbiddenAtOnceOnTheOther() {
        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.OK);

        serverA.updateSettings(SITE, SettingsChange.none().scimEnabled(false));

        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.SCIM_DISABLED);
        serverA.updateSettings(SITE, SettingsChange.none().scimEnabled(true));
        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.OK);
    }

    @Test
    void aTokenThatExpiresWhileCachedIsRefusedFromItsExpiryOn() {
        Instant expiry = fixture.clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        GeneratedToken trial = serverA.generateToken(SITE, TokenRequest.named("trial").expiringAt(expiry)
                .keepingOthers());
        assertThat(serverB.admit(SITE, trial.token(), "a").decision()).isEqualTo(AccessDecision.OK);

        fixture.clock.advance(Duration.between(fixture.clock.instant(), expiry).minusMillis(1));
        assertThat(serverB.admit(SITE, trial.token(), "a").decision()).isEqualTo(AccessDecision.OK);
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(serverB.admit(SITE, trial.token(), "a").decision()).isEqualTo(AccessDecision.UNAUTHENTICATED);
        assertThat(serverB.admit(SITE, okta.token(), "a").decision()).isEqualTo(AccessDecision.OK);
    }

    @Test
    void onACacheHitAdmissionReadsOnlyTheVersionAndTheAdmittedUseCaseReadsNoSettings() {
        fixture.given(UserBuilder.user("u1", "ada@example.com"));
        ScimUsersService scim = new ScimUsersService(serverBPorts);
        serverB.admit(SITE, okta.token(), "a");
        counted.reset();

        Admission admission = serverB.admit(SITE, okta.token(), "a");
        assertThat(admission.admitted()).isTrue();
        assertThat(scim.admitted(admission.site().orElseThrow()).get(SITE, "u1").userName())
                .isEqualTo("ada@example.com");

        assertThat(counted.reads()).containsExactly("settingsVersion");
    }

    @Test
    void theUseCaseAppliesTheSettingsTheOtherServerJustChanged() {
        fixture.given(UserBuilder.user("u1", "ada@example.com"));
        ScimUsersService scim = new ScimUsersService(serverBPorts);
        serverB.admit(SITE, okta.token(), "a");
        serverA.updateSettings(SITE, SettingsChange.none().scimEnabled(false));

        Admission admission = serverB.admit(SITE, okta.token(), "a");
        assertThat(admission.decision()).isEqualTo(AccessDecision.SCIM_DISABLED);
        assertThat(admission.site()).isEmpty();
        Fixture.failure(ScimErrorType.FORBIDDEN, () -> scim.get(SITE, "u1"));
    }

    @Test
    void aUseCaseCalledWithoutItsAdmissionReadsTheSettingsThoughTheThreadJustAdmittedARequest() {
        fixture.given(UserBuilder.user("u1", "ada@example.com"));
        ScimUsersService scim = new ScimUsersService(serverBPorts);
        serverB.admit(SITE, okta.token(), "a");
        serverA.updateSettings(SITE, SettingsChange.none().scimEnabled(false));
        counted.reset();

        Fixture.failure(ScimErrorType.FORBIDDEN, () -> scim.get(SITE, "u1"));
        Fixture.failure(ScimErrorType.FORBIDDEN, () -> scim.get(SITE, "u1"));

        assertThat(counted.reads()).containsExactly("find", "find");
    }

    @Test
    void useCasesAdmittedForOneSiteServeNoOtherSite() {
        SiteId other = SiteId.of("globex");
        fixture.sites.insert(SiteSettings.newSite(other).withSsoConfigured(true).withScimEnabled(true));
        fixture.users.insert(other, UserBuilder.user("g1", "gus@example.com").build());
        ScimUsersService scim = new ScimUsersService(serverBPorts);
        Admission admittedForAcme = serverB.admit(SITE, okta.token(), "a");
        ScimUsers bound = scim.admitted(admittedForAcme.site().orElseThrow());
        counted.reset();

        Fixture.failure(ScimErrorType.UNAUTHORIZED, () -> bound.get(other, "g1"));
        Fixture.failure(ScimErrorType.UNAUTHORIZED, () -> bound.search(other, SearchRequest.filtered(
                "userName eq \"gus@example.com\"")));
        Fixture.failure(ScimErrorType.UNAUTHORIZED, () -> bound.patch(other, "g1", PATCH_INACTIVE, Optional.empty()));

        assertThat(fixture.users.findById(other, "g1").orElseThrow().active()).isTrue();
        assertThat(counted.reads()).isEmpty();
    }

    @Test
    void aTokenUseIsWrittenOnceAMinuteWithoutAReadToAskWhetherItIsDue() {
        for (int request = 0; request < 20; request++) {
            serverB.admit(SITE, okta.token(), "192.0.2.7");
            fixture.clock.advance(Duration.ofSeconds(2));
        }
        assertThat(counted.useWrites.get()).isEqualTo(1);

        fixture.clock.advance(Duration.ofSeconds(30));
        serverB.admit(SITE, okta.token(), "192.0.2.7");

        assertThat(counted.useWrites.get()).isEqualTo(2);
        assertThat(fixture.sites.tokens(SITE).get(0).lastUsedAt()).contains(fixture.clock.instant()
                .truncatedTo(ChronoUnit.MILLIS));
    }

    /** A site store that tells which reads and how many use writes reached it. */
    private static final class CountingSiteStore implements SiteStore {

        private final SiteStore delegate;
        private final List<String> reads = new CopyOnWriteArrayList<>();
        private final AtomicInteger useWrites = new AtomicInteger();

        CountingSiteStore(SiteStore delegate) {
            this.delegate = delegate;
        }

        List<String> reads() {
            return List.copyOf(reads);
        }

        void reset() {
            reads.clear();
        }

        @Override
        public Optional<SiteSettings> find(SiteId site) {
            reads.add("find");
            return delegate.find(site);
        }

        @Override
        public OptionalLong settingsVersion(SiteId site) {
            reads.add("settingsVersion");
            return delegate.settingsVersion(site);
        }

        @Override
        public void insert(SiteSettings settings) {
            delegate.insert(settings);
        }

        @Override
        public void update(SiteSettings settings) {
            delegate.update(settings);
        }

        @Override
        public List<SiteId> list() {
            reads.add("list");
            return delegate.list();
        }

        @Override
        public List<SiteToken> tokens(SiteId site) {
            reads.add("tokens");
            return delegate.tokens(site);
        }

        @Override
        public void insertToken(SiteToken token) {
            delegate.insertToken(token);
        }

        @Override
        public boolean expireToken(SiteId site, String tokenId, Instant at) {
            return delegate.expireToken(site, tokenId, at);
        }

        @Override
        public boolean deleteToken(SiteId site, String tokenId) {
            return delegate.deleteToken(site, tokenId);
        }

        @Override
        public int deleteTokensExpiredBefore(SiteId site, Instant now) {
            return delegate.deleteTokensExpiredBefore(site, now);
        }

        @Override
        public boolean recordTokenUse(SiteId site, String tokenId, Instant at, String clientAddress,
                                      Instant staleBefore) {
            useWrites.incrementAndGet();
            return delegate.recordTokenUse(site, tokenId, at, clientAddress, staleBefore);
        }
    }
}
