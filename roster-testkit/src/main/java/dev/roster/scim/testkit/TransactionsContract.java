package dev.roster.scim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

/**
 * What every {@link Transactions} must do with the stores it spans: a unit's user, site and audit writes commit
 * together or, when the work throws, not at all; the exception reaches the caller unchanged; a nested unit joins
 * the outer one.
 *
 * <pre>{@code
 * class MyBatisTransactionsContractTest extends TransactionsContract {
 *     protected Stores createStores() { ... the three MyBatis stores and their Transactions on one SQLite file ... }
 * }
 * }</pre>
 */
public abstract class TransactionsContract {

    private static final SiteId ACME = SiteId.of("acme");
    private static final Instant AT = Instant.parse("2026-05-06T07:08:09.010Z");

    private Stores stores;

    /**
     * New, empty stores sharing the {@link Transactions} under test; called before each test.
     *
     * @return the stores, whose writes must all roll back together when a unit of work fails
     */
    protected abstract Stores createStores();

    @BeforeEach
    void createTheStores() {
        stores = createStores();
        stores.transactions().run(() -> stores.sites().insert(SiteSettings.newSite(ACME)));
    }

    @Test
    void aCommittedUnitsWritesStay() {
        User ann = UserBuilder.user("u-1", "ann").build();

        stores.transactions().run(() -> {
            stores.users().insert(ACME, ann);
            stores.audit().append(record("create"));
            stores.sites().update(SiteSettings.newSite(ACME).withSsoConfigured(true));
        });

        assertThat(stores.users().findById(ACME, "u-1")).contains(ann);
        assertThat(stores.audit().recent(ACME, 10)).containsExactly(record("create"));
        assertThat(stores.sites().find(ACME).orElseThrow().ssoConfigured()).isTrue();
    }

    @Test
    void aFailingUnitLeavesNoWriteBehindAndItsExceptionReachesTheCaller() {
        User ann = UserBuilder.user("u-1", "ann").build();
        stores.users().insert(ACME, ann);
        IllegalStateException failure = new IllegalStateException("the audit log is full");

        assertThatThrownBy(() -> stores.transactions().run(() -> {
            stores.users().update(ACME, UserBuilder.user("u-1", "ann").active(false).version(2).build(), 1);
            stores.users().insert(ACME, UserBuilder.user("u-2", "bob").build());
            stores.sites().update(SiteSettings.newSite(ACME).withSsoConfigured(true));
            stores.audit().append(record("deactivate"));
            throw failure;
        })).isSameAs(failure);

        assertThat(stores.users().findById(ACME, "u-1")).contains(ann);
        assertThat(stores.users().findById(ACME, "u-2")).isEmpty();
        assertThat(stores.sites().find(ACME)).contains(SiteSettings.newSite(ACME));
        assertThat(stores.audit().recent(ACME, 10)).isEmpty();
    }

    @Test
    void theUnitsResultIsReturned() {
        assertThat(stores.transactions().inTransaction(() -> "done")).isEqualTo("done");
    }

    @Test
    void aUnitSeesItsOwnWrites() {
        Optional<User> seen = stores.transactions().inTransaction(() -> {
            stores.users().insert(ACME, UserBuilder.user("u-1", "ann").build());
            return stores.users().findByUserName(ACME, "ANN");
        });

        assertThat(seen).isPresent();
    }

    @Test
    void aNestedUnitJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> stores.transactions().run(() -> {
            stores.transactions().run(() -> stores.users().insert(ACME, UserBuilder.user("u-1", "ann").build()));
            stores.audit().append(record("create"));
            throw new IllegalStateException("fails after the nested unit finished");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(stores.users().findById(ACME, "u-1")).isEmpty();
        assertThat(stores.audit().recent(ACME, 10)).isEmpty();
    }

    @Test
    void theStoresWorkAfterARollback() {
        assertThatThrownBy(() -> stores.transactions().run(() -> {
            stores.users().insert(ACME, UserBuilder.user("u-1", "ann").build());
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        stores.transactions().run(() -> stores.users().insert(ACME, UserBuilder.user("u-1", "ann").build()));

        assertThat(stores.users().findByUserName(ACME, "ann")).isPresent();
    }

    private static AuditRecord record(String action) {
        return new AuditRecord(ACME, "u-1", "ann", ChangeSource.ADMIN, action, Optional.empty(), Optional.empty(),
                action, AT);
    }
}
