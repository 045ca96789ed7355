package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.out.SiteStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every {@link SiteStore} must do. Extend it with a factory for a fresh, empty store:
 *
 * <pre>{@code
 * class MyBatisSiteStoreContractTest extends SiteStoreContract {
 *     @TempDir Path dir;
 *     protected SiteStore createStore() { return new MyBatisSiteStore(Database.open(dir.resolve("t.db"))); }
 * }
 * }</pre>
 */
public abstract class SiteStoreContract {

    private static final SiteId ACME = SiteId.of("acme");
    private static final Instant TOKEN_TIME = Instant.parse("2026-02-03T04:05:06.789Z");

    private SiteStore store;

    /**
     * A new, empty site store; called before each test.
     *
     * @return the implementation under test
     */
    protected abstract SiteStore createStore();

    @BeforeEach
    void createTheStore() {
        store = createStore();
    }

    @Test
    void aNewSiteIsFoundWithItsSettings() {
        store.insert(SiteSettings.newSite(ACME));

        assertThat(store.find(ACME)).contains(SiteSettings.newSite(ACME));
    }

    @Test
    void anUnknownSiteIsNotFound() {
        store.insert(SiteSettings.newSite(ACME));

        assertThat(store.find(SiteId.of("globex"))).isEmpty();
    }

    @Test
    void insertingASiteThatExistsIsAConflictAndKeepsTheFirst() {
        SiteSettings first = SiteSettings.newSite(ACME).withSsoConfigured(true);
        store.insert(first);

        assertThatThrownBy(() -> store.insert(SiteSettings.newSite(ACME)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT));
        assertThat(store.find(ACME)).contains(first);
    }

    @Test
    void anUpdateReplacesEverySetting() {
        store.insert(SiteSettings.newSite(ACME));
        SiteSettings updated = SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true)
                .withManageRoles(true).withCreationPolicy(Optional.of(CreationPolicy.ALLOW));

        store.update(updated);

        assertThat(store.find(ACME)).contains(updated);
    }

    @Test
    void anUpdateOfAnUnknownSiteStoresNothingAndThrowsNothing() {
        store.insert(SiteSettings.newSite(ACME));
        SiteId unknown = SiteId.of("never-created");

        store.update(SiteSettings.newSite(unknown).withSsoConfigured(true));

        assertThat(store.find(unknown)).isEmpty();
        assertThat(store.settingsVersion(unknown)).isEmpty();
        assertThat(store.list()).containsExactly(ACME);
        assertThat(store.find(ACME)).contains(SiteSettings.newSite(ACME));
    }

    @Test
    void rateLimitsAreKeptWhenInsertedAndUpdatedAndCanBeCleared() {
        RateLimits both = new RateLimits(Optional.of(RateLimit.parse("600/min,burst=50")),
                Optional.of(RateLimit.parse("5/s")));
        store.insert(SiteSettings.newSite(ACME).withRateLimits(both));
        assertThat(store.find(ACME).orElseThrow().rateLimits()).isEqualTo(both);

        RateLimits tokenOnly = both.withSite(Optional.empty()).withPerToken(Optional.of(RateLimit.parse("1/h")));
        store.update(SiteSettings.newSite(ACME).withRateLimits(tokenOnly));
        assertThat(store.find(ACME).orElseThrow().rateLimits()).isEqualTo(tokenOnly);

        store.update(SiteSettings.newSite(ACME));
        assertThat(store.find(ACME).orElseThrow().rateLimits()).isEqualTo(RateLimits.NONE);
    }

    @Test
    void settingsCanBeTurnedOffAgain() {
        store.insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true).withManageRoles(true));

        store.update(SiteSettings.newSite(ACME).withSsoConfigured(true));

        assertThat(store.find(ACME)).contains(SiteSettings.newSite(ACME).withSsoConfigured(true));
    }

    @Test
    void everyCreationPolicyRoundTripsAndCanBeUnsetAgain() {
        store.insert(SiteSettings.newSite(ACME).withCreationPolicy(Optional.of(CreationPolicy.PENDING)));
        assertThat(store.find(ACME).orElseThrow().creationPolicy()).contains(CreationPolicy.PENDING);

        for (CreationPolicy policy : CreationPolicy.values()) {
            store.update(SiteSettings.newSite(ACME).withCreationPolicy(Optional.of(policy)));
            assertThat(store.find(ACME).orElseThrow().creationPolicy()).contains(policy);
        }
        store.update(SiteSettings.newSite(ACME));
        assertThat(store.find(ACME)).contains(SiteSettings.newSite(ACME));
    }

    @Test
    void tokensAreKeptAsHashesWithTheirDetailsOldestFirst() {
        store.insert(SiteSettings.newSite(ACME));
        SiteToken second = token("b2", "entra", TOKEN_TIME.plusSeconds(1), Optional.of(TOKEN_TIME.plusSeconds(60)));
        SiteToken first = token("a1", "okta", TOKEN_TIME, Optional.empty());

        store.insertToken(second);
        store.insertToken(first);

        assertThat(store.tokens(ACME)).containsExactly(first, second);
        assertThat(store.tokens(ACME).get(0).hash().matches("secret-a1")).isTrue();
        assertThat(store.tokens(SiteId.of("globex"))).isEmpty();
    }

    @Test
    void aTokenCanBeExpiredAndRevokedAndOnlyItsOwnSiteSeesIt() {
        SiteId globex = SiteId.of("globex");
        store.insert(SiteSettings.newSite(ACME));
        store.insert(SiteSettings.newSite(globex));
        store.insertToken(token("a1", "okta", TOKEN_TIME, Optional.empty()));
        SiteToken other = new SiteToken("a1", globex, "okta", TokenHash.of("other"), TOKEN_TIME, Optional.empty(),
                Optional.empty(), Optional.empty());
        store.insertToken(other);

        assertThat(store.expireToken(ACME, "a1", TOKEN_TIME.plusSeconds(5))).isTrue();
        assertThat(store.tokens(ACME).get(0).expiresAt()).contains(TOKEN_TIME.plusSeconds(5));
        assertThat(store.expireToken(ACME, "zz", TOKEN_TIME)).isFalse();

        assertThat(store.deleteToken(ACME, "a1")).isTrue();
        assertThat(store.deleteToken(ACME, "a1")).isFalse();
        assertThat(store.tokens(ACME)).isEmpty();
        assertThat(store.tokens(globex)).containsExactly(other);
    }

    @Test
    void tokensExpiredBeforeAMomentAreRemovedAndOthersStay() {
        store.insert(SiteSettings.newSite(ACME));
        store.insertToken(token("a1", "gone", TOKEN_TIME, Optional.of(TOKEN_TIME.plusSeconds(1))));
        SiteToken open = token("b2", "open", TOKEN_TIME, Optional.empty());
        SiteToken later = token("c3", "later", TOKEN_TIME, Optional.of(TOKEN_TIME.plusSeconds(10)));
        store.insertToken(open);
        store.insertToken(later);

        assertThat(store.deleteTokensExpiredBefore(ACME, TOKEN_TIME.plusSeconds(2))).isEqualTo(1);

        assertThat(store.tokens(ACME)).extracting(SiteToken::id).containsExactlyInAnyOrder("b2", "c3");
    }

    @Test
    void aTokenUseIsRecordedOnlyWhenTheRecordedOneIsStale() {
        store.insert(SiteSettings.newSite(ACME));
        store.insertToken(token("a1", "okta", TOKEN_TIME, Optional.empty()));
        Instant used = TOKEN_TIME.plusSeconds(100);

        assertThat(store.recordTokenUse(ACME, "a1", used, "192.0.2.7", used.minusSeconds(60))).isTrue();
        assertThat(store.recordTokenUse(ACME, "a1", used.plusSeconds(30), "198.51.100.1", used.minusSeconds(30)))
                .isFalse();
        SiteToken found = store.tokens(ACME).get(0);
        assertThat(found.lastUsedAt()).contains(used);
        assertThat(found.lastUsedFrom()).contains("192.0.2.7");

        assertThat(store.recordTokenUse(ACME, "a1", used.plusSeconds(61), "198.51.100.1", used.plusSeconds(1)))
                .isTrue();
        assertThat(store.tokens(ACME).get(0).lastUsedFrom()).contains("198.51.100.1");
        assertThat(store.recordTokenUse(ACME, "zz", used, "x", used)).isFalse();
    }

    private static SiteToken token(String id, String name, Instant created, Optional<Instant> expires) {
        return SiteToken.issued(id, ACME, name, TokenHash.of("secret-" + id), created, expires);
    }

    @Test
    void anUpdateChangesOnlyItsSite() {
        SiteId globex = SiteId.of("globex");
        store.insert(SiteSettings.newSite(ACME));
        store.insert(SiteSettings.newSite(globex));

        store.update(SiteSettings.newSite(ACME).withSsoConfigured(true));

        assertThat(store.find(globex)).contains(SiteSettings.newSite(globex));
    }

    @Test
    void theSettingsVersionMovesWithEveryChangeToSettingsOrTokensAndOnlyThen() {
        SiteId globex = SiteId.of("globex");
        store.insert(SiteSettings.newSite(ACME));
        store.insert(SiteSettings.newSite(globex));
        Set<Long> seen = new HashSet<>();
        long globexVersion = store.settingsVersion(globex).orElseThrow();
        seen.add(store.settingsVersion(ACME).orElseThrow());

        store.update(SiteSettings.newSite(ACME).withSsoConfigured(true));
        assertThat(seen.add(store.settingsVersion(ACME).orElseThrow())).as("after a settings update").isTrue();
        store.insertToken(token("a1", "okta", TOKEN_TIME, Optional.empty()));
        assertThat(seen.add(store.settingsVersion(ACME).orElseThrow())).as("after a token insert").isTrue();
        store.expireToken(ACME, "a1", TOKEN_TIME.plusSeconds(5));
        assertThat(seen.add(store.settingsVersion(ACME).orElseThrow())).as("after an expiry").isTrue();

        long beforeUse = store.settingsVersion(ACME).orElseThrow();
        store.recordTokenUse(ACME, "a1", TOKEN_TIME.plusSeconds(1), "192.0.2.7", TOKEN_TIME);
        assertThat(store.settingsVersion(ACME)).as("a recorded use is no change").hasValue(beforeUse);

        store.deleteTokensExpiredBefore(ACME, TOKEN_TIME.plusSeconds(10));
        assertThat(seen.add(store.settingsVersion(ACME).orElseThrow())).as("after expired tokens go").isTrue();
        store.insertToken(token("b2", "entra", TOKEN_TIME, Optional.empty()));
        store.deleteToken(ACME, "b2");
        assertThat(seen.add(store.settingsVersion(ACME).orElseThrow())).as("after a revocation").isTrue();

        assertThat(store.settingsVersion(globex)).as("another site's changes").hasValue(globexVersion);
        assertThat(store.settingsVersion(SiteId.of("initech"))).isEmpty();
    }

    @Test
    void everySiteIsListedByName() {
        store.insert(SiteSettings.newSite(SiteId.of("zeta")));
        store.insert(SiteSettings.newSite(ACME));
        store.insert(SiteSettings.newSite(SiteId.of("m-2")));

        assertThat(store.list()).containsExactly(ACME, SiteId.of("m-2"), SiteId.of("zeta"));
    }

    @Test
    void anEmptyStoreListsNoSites() {
        assertThat(store.list()).isEmpty();
        assertThat(store.find(ACME)).isEqualTo(Optional.empty());
    }
}
