package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.core.port.out.SiteStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

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

    /** A new, empty store; called before each test. */
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
    void anUpdateReplacesEverySettingIncludingTheTokenHash() {
        store.insert(SiteSettings.newSite(ACME));
        SiteSettings updated = SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true)
                .withManageRoles(true).withToken(TokenHash.of("secret-token"), TOKEN_TIME);

        store.update(updated);

        assertThat(store.find(ACME)).contains(updated);
        assertThat(store.find(ACME).orElseThrow().tokenHash().orElseThrow().matches("secret-token")).isTrue();
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
    void aRotatedTokenReplacesTheOldOne() {
        store.insert(SiteSettings.newSite(ACME).withToken(TokenHash.of("old"), TOKEN_TIME));

        store.update(store.find(ACME).orElseThrow().withToken(TokenHash.of("new"), TOKEN_TIME.plusSeconds(1)));

        SiteSettings found = store.find(ACME).orElseThrow();
        assertThat(found.tokenHash()).contains(TokenHash.of("new"));
        assertThat(found.tokenCreatedAt()).contains(TOKEN_TIME.plusSeconds(1));
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
