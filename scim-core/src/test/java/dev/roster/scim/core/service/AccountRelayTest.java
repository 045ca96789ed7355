package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.SideCarAccountsTest.patch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.AccountChange;
import dev.roster.scim.core.port.out.AccountOutbox;
import dev.roster.scim.testkit.InMemoryAccountOutbox;
import dev.roster.scim.testkit.FailingAccounts;
import dev.roster.scim.testkit.InMemoryAccounts;
import dev.roster.scim.testkit.InMemoryTransactions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/** The side-car way through the outbox: every change reaches the host at least once, and applying it is idempotent. */
class AccountRelayTest {

    private final Fixture fixture = new Fixture();
    private final InMemoryAccountOutbox outbox = new InMemoryAccountOutbox();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final FailingAccounts host = new FailingAccounts(accounts);
    private final Ports ports = new Ports(fixture.users, fixture.sites, fixture.audit,
            new InMemoryTransactions(fixture.users, fixture.sites, fixture.audit, outbox), fixture.events,
            fixture.clock).withAccountSync(AccountSync.outbox(outbox));
    private final ScimUsersService scim = new ScimUsersService(ports);
    private final JitSignInService signIn = new JitSignInService(ports);
    private final AccountRelay relay = new AccountRelay(outbox, host, fixture.clock);

    private User signInAnn() {
        return signIn.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Smith")).user();
    }

    @Test
    void aChangeWaitsInTheOutboxUntilTheRelayDeliversIt() {
        User ann = signInAnn();

        assertThat(accounts.all()).isEmpty();
        assertThat(outbox.changes()).extracting(AccountChange::account)
                .containsExactly(new Account(ann.id(), "ann", Optional.of("ann@example.com"), true, Role.REGISTERED,
                        1));

        assertThat(relay.deliverDue()).isEqualTo(1);

        assertThat(accounts.findById(SITE, ann.id())).isPresent();
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void theIdpsDeactivationReachesTheHostThroughTheRelay() {
        User ann = signInAnn();
        relay.deliverDue();

        scim.patch(SITE, ann.id(), patch("active", false), Optional.empty());
        relay.deliverDue();

        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void aRefusedDeliveryIsRetriedWithGrowingBackoffUntilItGoesThrough() {
        User ann = signInAnn();
        host.failNext(3);

        assertThat(relay.deliverDue()).isZero();
        fixture.clock.advance(Duration.ofMillis(999));
        assertThat(relay.deliverDue()).as("not due before a second").isZero();
        assertThat(host.writeCalls()).isEqualTo(1);
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(relay.deliverDue()).isZero();
        fixture.clock.advance(Duration.ofMillis(1999));
        assertThat(relay.deliverDue()).as("then not before two more").isZero();
        assertThat(host.writeCalls()).isEqualTo(2);
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(relay.deliverDue()).isZero();
        fixture.clock.advance(Duration.ofSeconds(4));
        assertThat(relay.deliverDue()).isEqualTo(1);

        assertThat(accounts.findById(SITE, ann.id())).isPresent();
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        AccountRelay capped = new AccountRelay(outbox, host, fixture.clock, Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(capped.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(capped.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(capped.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(capped.backoff(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(capped.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRedeliveredChangeChangesNothing() {
        signInAnn();
        AccountChange created = outbox.changes().get(0);
        relay.deliverDue();
        int writes = accounts.writes();

        // As after a crash between the host's write and the outbox's acknowledgement.
        outbox.append(created);
        relay.deliverDue();

        assertThat(accounts.writes()).isEqualTo(writes);
        assertThat(accounts.all()).hasSize(1);
    }

    @Test
    void anOlderChangeDeliveredAfterANewerOneIsHarmless() {
        User ann = signInAnn();
        relay.deliverDue();
        scim.patch(SITE, ann.id(), patch("active", false), Optional.empty());
        host.failNext(1);
        relay.deliverDue();
        scim.patch(SITE, ann.id(), patch("active", true), Optional.empty());

        fixture.clock.advance(Duration.ofSeconds(1));
        relay.deliverDue();

        assertThat(accounts.findById(SITE, ann.id())).hasValueSatisfying(account -> {
            assertThat(account.active()).as("the reactivation stands").isTrue();
            assertThat(account.version()).isEqualTo(fixture.stored(ann.id()).version());
        });
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aChangeRolledBackWithItsUseCaseNeverReachesTheOutbox() {
        User ann = signInAnn();
        relay.deliverDue();
        fixture.manageRoles(true);
        // The last active Admin cannot be deactivated: the use case refuses inside its transaction.
        scim.patch(SITE, ann.id(), patch("userType", "Admin"), Optional.empty());
        relay.deliverDue();

        Fixture.failure(ScimErrorType.CONFLICT,
                () -> scim.patch(SITE, ann.id(), patch("active", false), Optional.empty()));

        assertThat(outbox.pending()).isZero();
        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void theLoopDeliversWithoutBeingAsked() throws InterruptedException {
        User ann = signInAnn();

        try (AccountRelay running = new AccountRelay(outbox, accounts, fixture.clock).start(Duration.ofMillis(10))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (accounts.findById(SITE, ann.id()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(accounts.findById(SITE, ann.id())).isPresent();
    }
}
