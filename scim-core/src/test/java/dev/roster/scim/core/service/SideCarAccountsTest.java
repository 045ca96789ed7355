package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.testkit.FailingAccounts;
import dev.roster.scim.testkit.InMemoryAccounts;
import dev.roster.scim.testkit.InMemoryTransactions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

/** The side-car way with the host's accounts in Roster's transaction: they change with the SCIM record, or neither. */
class SideCarAccountsTest {

    private final Fixture fixture = new Fixture();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final FailingAccounts host = new FailingAccounts(accounts);
    private final Ports ports = new Ports(fixture.users, fixture.sites, fixture.audit,
            new InMemoryTransactions(fixture.users, fixture.sites, fixture.audit, accounts), fixture.events,
            fixture.clock).withAccountSync(AccountSync.sharedTransaction(host));
    private final ScimUsersService scim = new ScimUsersService(ports);
    private final JitSignInService signIn = new JitSignInService(ports);

    static ScimObject patch(String path, Object value) {
        return json("schemas", ScimArray.of(ScimValue.of(PatchRequest.PATCH_OP)), "Operations",
                new ScimArray(List.of(json("op", "replace", "path", path, "value", value))));
    }

    private User signInAnn() {
        return signIn.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Smith")).user();
    }

    @Test
    void theFirstSignInCreatesTheHostsAccount() {
        User ann = signInAnn();

        assertThat(accounts.all()).containsExactly(
                new Account(ann.id(), "ann", Optional.of("ann@example.com"), true, Role.REGISTERED, 1));
    }

    @Test
    void aLaterSignInThatOnlyRefreshesTheProfileTellsTheHostNothing() {
        signInAnn();
        int writes = accounts.writes();

        signIn.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Annie", "Smith"));

        assertThat(accounts.writes()).isEqualTo(writes);
    }

    @Test
    void theIdpsDeactivationDeactivatesTheHostsAccount() {
        User ann = signInAnn();

        User stored = scim.patch(SITE, ann.id(), patch("active", false), Optional.empty());

        assertThat(accounts.findById(SITE, ann.id())).hasValueSatisfying(account -> {
            assertThat(account.active()).isFalse();
            assertThat(account.version()).isEqualTo(stored.version());
        });
    }

    @Test
    void aPromotionReachesTheHostWhereTheSiteLetsScimManageRoles() {
        fixture.manageRoles(true);
        User ann = signInAnn();

        scim.patch(SITE, ann.id(), patch("userType", "Moderator"), Optional.empty());

        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void anIgnoredRoleValueTellsTheHostNothing() {
        User ann = signInAnn();
        int writes = accounts.writes();

        scim.patch(SITE, ann.id(), patch("userType", "Admin"), Optional.empty());

        assertThat(accounts.writes()).isEqualTo(writes);
        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().role()).isEqualTo(Role.REGISTERED);
    }

    @Test
    void aScimDeleteDeactivatesTheHostsAccount() {
        User ann = signInAnn();

        scim.delete(SITE, ann.id(), Optional.empty());

        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void aSiteAdminsChangesReachTheHostAsTheIdpsDo() {
        User ann = signInAnn();
        LocalUserAdministrationService admin = new LocalUserAdministrationService(ports);

        admin.setRole(SITE, ann.id(), Role.MODERATOR);
        admin.deactivate(SITE, ann.id());

        assertThat(accounts.findById(SITE, ann.id())).hasValueSatisfying(account -> {
            assertThat(account.active()).isFalse();
            assertThat(account.role()).isEqualTo(Role.MODERATOR);
        });
    }

    @Test
    void aHostFailureRollsTheScimChangeBackAndTheIdpGetsA500ToRetry() {
        User ann = signInAnn();
        int auditRecords = fixture.audit.all().size();
        host.failAlways(true);

        var refused = failure(ScimErrorType.INTERNAL,
                () -> scim.patch(SITE, ann.id(), patch("active", false), Optional.empty()));

        assertThat(refused.detail()).contains("nothing was changed").doesNotContain(FailingAccounts.FAILURE);
        assertThat(refused.getCause()).hasMessage(FailingAccounts.FAILURE);
        assertThat(fixture.stored(ann.id())).isEqualTo(ann);
        assertThat(fixture.audit.all()).hasSize(auditRecords);
        assertThat(fixture.events.events()).isEmpty();
        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().active()).isTrue();

        host.failAlways(false);
        scim.patch(SITE, ann.id(), patch("active", false), Optional.empty());
        assertThat(accounts.findById(SITE, ann.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void aHostFailureAtTheFirstSignInLeavesNoUserBehind() {
        host.failAlways(true);

        failure(ScimErrorType.INTERNAL, this::signInAnn);

        assertThat(fixture.users.findByUserName(SITE, "ann")).isEmpty();
        assertThat(fixture.audit.all()).isEmpty();
    }

    @Nested
    class PendingIdentities {

        @Test
        void aPendingIdentityTellsTheHostNothingUntilItsFirstSignIn() {
            fixture.manageRoles(true);
            var outcome = scim.create(SITE, json("schemas", ScimArray.of(ScimValue.of(
                            "urn:ietf:params:scim:schemas:core:2.0:User")), "userName", "ann", "userType", "Admin"));
            String id = outcome.user().id();

            assertThat(accounts.all()).isEmpty();
            scim.patch(SITE, id, patch("active", false), Optional.empty());
            scim.patch(SITE, id, patch("active", true), Optional.empty());
            assertThat(accounts.all()).isEmpty();

            User ann = signInAnn();

            assertThat(ann.id()).isEqualTo(id);
            assertThat(accounts.findById(SITE, id)).hasValueSatisfying(account -> {
                assertThat(account.role()).isEqualTo(Role.ADMIN);
                assertThat(account.version()).isEqualTo(ann.version());
            });
        }
    }
}
