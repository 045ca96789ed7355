package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.testkit.ForwardingUserStore;
import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.testkit.InMemoryTransactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

class ConcurrencyAndAtomicityTest {

    private final Fixture fixture = new Fixture();

    /**
     * A user store where another writer gets in between a use case's read and its write, a given number of times:
     * just before the update, the other writer's change is stored, so the update finds a newer version.
     */
    private static final class RacingUserStore extends ForwardingUserStore {
        private final UnaryOperator<User> otherWriter;
        private int racesToLose;
        private int updates;

        RacingUserStore(UserStore delegate, int racesToLose, UnaryOperator<User> otherWriter) {
            super(delegate);
            this.racesToLose = racesToLose;
            this.otherWriter = otherWriter;
        }

        @Override
        public boolean update(SiteId site, User user, long expectedVersion) {
            updates++;
            if (racesToLose > 0) {
                racesToLose--;
                User current = delegate.findById(site, user.id()).orElseThrow();
                delegate.update(site, otherWriter.apply(current).nextVersion(ChangeSource.SCIM,
                        current.lastModified()), current.version());
            }
            return super.update(site, user, expectedVersion);
        }
    }

    private static final class FailingAuditLog implements AuditLog {
        @Override
        public void append(AuditRecord record) {
            throw new IllegalStateException("the audit log is unavailable");
        }

        @Override
        public List<AuditRecord> recent(SiteId site, int limit) {
            return List.of();
        }

        @Override
        public List<AuditRecord> recentForUser(SiteId site, String userId, int limit) {
            return List.of();
        }
    }

    /**
     * The use cases over a racing store. The other writer commits on its own, so its change must survive the
     * rollback of the attempt that lost: these transactions leave the user store out (the losing attempt wrote
     * nothing to it anyway).
     */
    private ScimUsersService scimOver(RacingUserStore users) {
        return new ScimUsersService(new Ports(users, fixture.sites, fixture.audit,
                new InMemoryTransactions(fixture.sites, fixture.audit), fixture.events, fixture.clock));
    }

    /**
     * ADR 030: the first attempt decides on a read outside the transaction, where the last-Admin guard's count may
     * be stale. Here the other active Admin is deactivated right after that count; a change that takes an Admin
     * away is therefore decided again under the writer, which counts one Admin and refuses.
     */
    @Test
    void aDeactivationOfAnAdminIsDecidedOnTheCountItCommitsOn() {
        fixture.given(user("u-1", "ann").role(Role.ADMIN));
        fixture.given(user("u-2", "bob").role(Role.ADMIN));
        boolean[] othersChanged = new boolean[1];
        UserStore users = new ForwardingUserStore(fixture.users) {
            @Override
            public UserPage search(SiteId site, UserQuery query) {
                UserPage page = super.search(site, query);
                if (!othersChanged[0]) {
                    othersChanged[0] = true;
                    User bob = delegate.findById(site, "u-2").orElseThrow();
                    delegate.update(site, bob.withActive(false).nextVersion(ChangeSource.SCIM, bob.lastModified()),
                            bob.version());
                }
                return page;
            }
        };
        ScimUsersService scim = new ScimUsersService(new Ports(users, fixture.sites, fixture.audit,
                new InMemoryTransactions(fixture.sites, fixture.audit), fixture.events, fixture.clock));

        failure(ScimErrorType.CONFLICT, () -> scim.replace(SITE, "u-1", json("userName", "ann", "active", false),
                Optional.empty()));

        assertThat(othersChanged[0]).isTrue();
        assertThat(fixture.stored("u-1").active()).isTrue();
    }

    @Test
    void aWriteThatLosesARaceIsRetriedSoThatBothChangesLand() {
        fixture.given(user("u-1", "ann"));
        RacingUserStore racing = new RacingUserStore(fixture.users, 1, current -> current.withActive(false));

        User replaced = scimOver(racing).replace(SITE, "u-1", json("userName", "ann", "displayName", "Ann"),
                Optional.empty());

        assertThat(racing.updates).isEqualTo(2);
        assertThat(replaced.active()).isFalse();
        assertThat(replaced.displayName()).contains("Ann");
        assertThat(replaced.version()).isEqualTo(3);
        assertThat(fixture.stored("u-1")).isEqualTo(replaced);
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("profile");
    }

    @Test
    void aRetriedChangeIsDecidedAgainOnTheFreshUser() {
        fixture.given(user("u-1", "ann"));
        RacingUserStore racing = new RacingUserStore(fixture.users, 1, current -> current.withActive(false));

        scimOver(racing).replace(SITE, "u-1", json("userName", "ann", "active", true), Optional.empty());

        assertThat(fixture.stored("u-1").active()).isTrue();
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("reactivate");
    }

    @Test
    void withIfMatchALostRaceIsPreconditionFailed() {
        fixture.given(user("u-1", "ann"));
        RacingUserStore racing = new RacingUserStore(fixture.users, 1, current -> current.withActive(false));

        failure(ScimErrorType.PRECONDITION_FAILED, () -> scimOver(racing).replace(SITE, "u-1",
                json("userName", "ann", "displayName", "Ann"), Optional.of("W/\"1\"")));

        assertThat(racing.updates).isEqualTo(1);
        assertThat(fixture.stored("u-1").displayName()).isEmpty();
    }

    @Test
    void aUserChangedByOthersAgainAndAgainGivesUpWithAConflict() {
        fixture.given(user("u-1", "ann"));
        RacingUserStore racing = new RacingUserStore(fixture.users, Integer.MAX_VALUE,
                current -> current.withActive(!current.active()));

        failure(ScimErrorType.CONFLICT, () -> scimOver(racing).replace(SITE, "u-1",
                json("userName", "ann", "displayName", "Ann"), Optional.empty()));

        assertThat(racing.updates).isEqualTo(UserWrites.MAX_ATTEMPTS);
        assertThat(fixture.audit.all()).isEmpty();
    }

    @Test
    void aFailingAuditAppendRollsBackTheUserChangeAndNobodyIsTold() {
        fixture.given(user("u-1", "ann"));
        ScimUsersService scim = new ScimUsersService(fixture.ports(fixture.users, new FailingAuditLog()));

        assertThatThrownBy(() -> scim.replace(SITE, "u-1", json("userName", "ann", "active", false), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);

        User stored = fixture.stored("u-1");
        assertThat(stored.active()).isTrue();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(fixture.events.events()).isEmpty();
        assertThat(fixture.transactions.rollbacks()).isEqualTo(1);
    }

    @Test
    void aFailingAuditAppendRollsBackAnAdminChangeAndASignIn() {
        fixture.given(user("u-1", "ann"));
        Ports failing = fixture.ports(fixture.users, new FailingAuditLog());

        assertThatThrownBy(() -> new LocalUserAdministrationService(failing).deactivate(SITE, "u-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JitSignInService(failing).signIn(SITE,
                SsoAssertion.of("newbie", null, null, null)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(fixture.stored("u-1").active()).isTrue();
        assertThat(fixture.users.findByUserName(SITE, "newbie")).isEmpty();
    }

    @Test
    void listenersHearOfAChangeOnlyOnceItIsCommitted() {
        fixture.given(user("u-1", "ann"));
        List<Integer> commitsWhenTold = new ArrayList<>();
        AccountEvents listener = new AccountEvents() {
            @Override
            public void deactivated(SiteId site, User user, ChangeSource source) {
                commitsWhenTold.add(fixture.transactions.commits());
            }
        };
        Ports ports = new Ports(fixture.users, fixture.sites, fixture.audit, fixture.transactions, listener,
                fixture.clock);

        new ScimUsersService(ports).replace(SITE, "u-1", json("userName", "ann", "active", false), Optional.empty());

        assertThat(commitsWhenTold).containsExactly(1);
    }

    @Test
    void aChangeItsUserAndItsAuditRecordsCommitInOneTransaction() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann"));

        fixture.scim().replace(SITE, "u-1", json("userName", "ann", "displayName", "Ann", "active", false,
                "userType", "Moderator"), Optional.empty());

        assertThat(fixture.transactions.commits()).isEqualTo(1);
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action)
                .containsExactly("deactivate", "role", "profile");
    }
}
