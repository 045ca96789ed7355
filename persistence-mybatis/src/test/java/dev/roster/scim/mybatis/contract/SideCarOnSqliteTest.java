package dev.roster.scim.mybatis.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.AccountRelay;
import dev.roster.scim.core.service.AccountSync;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.testkit.FailingAccounts;
import dev.roster.scim.testkit.InMemoryAccounts;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The side-car way on a real SQLite file: with the host's table in Roster's file, a host failure rolls the SCIM change
 * back; with the host elsewhere, a committed change survives a restart before its delivery and arrives once. A crash
 * in the middle of delivering, as a killed process, is {@link SideCarKilledProcessTest}'s.
 */
class SideCarOnSqliteTest {

    private static final SiteId ACME = SiteId.of("acme");

    @TempDir
    Path directory;

    private static Ports ports(RosterDatabase database, AccountSync sync) {
        return new Ports(database.userStore(), database.siteStore(), database.auditLog(), database.transactions(),
                AccountEvents.NONE, Clock.systemUTC()).withAccountSync(sync);
    }

    private static void createSite(RosterDatabase database) {
        database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
    }

    private static User signInAnn(Ports ports) {
        return new JitSignInService(ports).signIn(ACME, SsoAssertion.of("ann", "ann@example.com", "Ann", "Smith"))
                .user();
    }

    static ScimObject deactivation() {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp")))
                .put("Operations", ScimArray.of(ScimObject.builder().put("op", ScimValue.of("replace"))
                        .put("path", ScimValue.of("active")).put("value", ScimValue.of(false)).build()))
                .build();
    }

    @Test
    void aHostTableInRostersFileChangesWithTheScimRecordOrNeither() {
        try (RosterDatabase database = RosterDatabase.open(directory.resolve("shared.db"))) {
            createSite(database);
            FailingAccounts host = new FailingAccounts(new SharedTableAccounts(database));
            Ports ports = ports(database, AccountSync.sharedTransaction(host));
            User ann = signInAnn(ports);
            assertThat(host.findById(ACME, ann.id())).isPresent();
            int auditRecords = database.auditLog().recent(ACME, 100).size();

            host.failAlways(true);
            assertThatThrownBy(() -> new ScimUsersService(ports).patch(ACME, ann.id(), deactivation(),
                    Optional.empty()))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INTERNAL));

            assertThat(database.userStore().findById(ACME, ann.id())).contains(ann);
            assertThat(database.auditLog().recent(ACME, 100)).hasSize(auditRecords);
            assertThat(host.findById(ACME, ann.id()).orElseThrow().active()).isTrue();

            host.failAlways(false);
            new ScimUsersService(ports).patch(ACME, ann.id(), deactivation(), Optional.empty());
            assertThat(host.findById(ACME, ann.id()).orElseThrow().active()).isFalse();
            assertThat(database.accountOutbox().pending()).isZero();
        }
    }

    @Test
    void aChangeCommittedBeforeACrashIsDeliveredOnceAfterTheRestart() {
        Path file = directory.resolve("roster.db");
        InMemoryAccounts host = new InMemoryAccounts();
        User ann;
        try (RosterDatabase database = RosterDatabase.open(file)) {
            createSite(database);
            ann = signInAnn(ports(database, AccountSync.outbox(database.accountOutbox())));
            // The process dies here: the change committed, the relay never ran.
        }
        assertThat(host.all()).isEmpty();

        try (RosterDatabase restarted = RosterDatabase.open(file)) {
            AccountRelay relay = new AccountRelay(restarted.accountOutbox(), host, Clock.systemUTC());
            assertThat(relay.deliverDue()).isEqualTo(1);
            assertThat(relay.deliverDue()).isZero();
            assertThat(restarted.accountOutbox().pending()).isZero();
        }
        assertThat(host.all()).extracting(Account::id).containsExactly(ann.id());
        assertThat(host.writes()).isEqualTo(1);
    }

    @Test
    void aPendingIdentityLeavesTheOutboxEmpty() {
        try (RosterDatabase database = RosterDatabase.open(directory.resolve("pending.db"))) {
            createSite(database);
            Ports ports = ports(database, AccountSync.outbox(database.accountOutbox()));
            new ScimUsersService(ports).create(ACME, ScimObject.builder()
                    .put("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                    .put("userName", ScimValue.of("bob")).build());

            assertThat(database.accountOutbox().pending()).isZero();
            assertThat(database.userStore().findByUserName(ACME, "bob")).isPresent();
        }
    }
}
