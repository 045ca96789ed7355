package dev.roster.scim.mybatis.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.AccountRelay;
import dev.roster.scim.core.service.AccountSync;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.testkit.InMemoryAccounts;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

/**
 * The side-car way on PostgreSQL: a host table in Roster's schema whose own constraint refuses a change takes the SCIM
 * change down with it (PostgreSQL aborts the whole transaction); the outbox survives a restart of Roster.
 */
class SideCarOnPostgresTest {

    private static final SiteId ACME = SiteId.of("acme");

    private static Ports ports(RosterDatabase database, AccountSync sync) {
        return new Ports(database.userStore(), database.siteStore(), database.auditLog(), database.transactions(),
                AccountEvents.NONE, Clock.systemUTC()).withAccountSync(sync);
    }

    private static User signInAnn(RosterDatabase database, Ports ports) {
        database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
        return new JitSignInService(ports).signIn(ACME, SsoAssertion.of("ann", "ann@example.com", "Ann", "Smith"))
                .user();
    }

    @Test
    void aHostTableThatRefusesTheChangeRollsTheScimChangeBack() {
        try (RosterDatabase database = RosterDatabase.open(TestPostgres.newSchema())) {
            SharedTableAccounts host = new SharedTableAccounts(database);
            Ports ports = ports(database, AccountSync.sharedTransaction(host));
            User ann = signInAnn(database, ports);
            int auditRecords = database.auditLog().recent(ACME, 100).size();
            // The host's own rule, in its own table: nobody is ever deactivated here.
            database.inTransaction(connection -> connection.createStatement()
                    .execute("ALTER TABLE host_accounts ADD CONSTRAINT always_active CHECK (active)"));

            assertThatThrownBy(() -> new ScimUsersService(ports).patch(ACME, ann.id(),
                    SideCarOnSqliteTest.deactivation(), Optional.empty()))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INTERNAL));

            assertThat(database.userStore().findById(ACME, ann.id())).contains(ann);
            assertThat(database.auditLog().recent(ACME, 100)).hasSize(auditRecords);
            assertThat(host.findById(ACME, ann.id()).orElseThrow().active()).isTrue();
        }
    }

    @Test
    void aChangeCommittedBeforeARestartIsDeliveredOnce() {
        var settings = TestPostgres.newSchema();
        InMemoryAccounts host = new InMemoryAccounts();
        try (RosterDatabase database = RosterDatabase.open(settings)) {
            signInAnn(database, ports(database, AccountSync.outbox(database.accountOutbox())));
        }

        try (RosterDatabase restarted = RosterDatabase.open(settings)) {
            AccountRelay relay = new AccountRelay(restarted.accountOutbox(), host, Clock.systemUTC());
            assertThat(relay.deliverDue()).isEqualTo(1);
            assertThat(relay.deliverDue()).isZero();
        }
        assertThat(host.all()).hasSize(1);
        assertThat(host.writes()).isEqualTo(1);
    }
}
