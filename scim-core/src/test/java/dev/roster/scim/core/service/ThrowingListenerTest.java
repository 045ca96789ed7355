package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.AccountEventFailures;
import dev.roster.scim.core.port.out.AccountEventFailures.Event;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.testkit.RecordingAccountEvents;
import dev.roster.scim.testkit.RecordingAccountEvents.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A listener that throws after the change committed (ADR 037): the caller is answered with the change as made, the
 * change's other events and the other listeners are still told, and the failure reaches {@link AccountEventFailures}.
 */
class ThrowingListenerTest {

    private final Fixture fixture = new Fixture();
    private final RecordingAccountEvents others = new RecordingAccountEvents();
    private final List<String> failures = new ArrayList<>();
    private final AccountEvents throwing = new AccountEvents() {
        @Override
        public void deactivated(SiteId site, User user, ChangeSource source) {
            throw new IllegalStateException("session store down");
        }

        @Override
        public void roleChanged(SiteId site, User user, Role previous, ChangeSource source) {
            throw new IllegalStateException("role cache down");
        }
    };
    private final AccountEventFailures heard = (site, user, event, failure) ->
            failures.add(site.value() + " " + user.id() + " " + event + ": " + failure.getMessage());

    @Test
    void aScimChangeWhoseListenerThrowsIsAnsweredAsMadeAndTheFailureIsHeard() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann"));
        ScimUsersService scim = new ScimUsersService(ports(AccountEvents.all(List.of(throwing, others))));

        User answered = scim.replace(SITE, "u-1", json("userName", "ann", "active", false, "userType", "Moderator"),
                Optional.empty());

        assertThat(answered.active()).isFalse();
        assertThat(answered.role()).isEqualTo(Role.MODERATOR);
        assertThat(fixture.stored("u-1").active()).isFalse();
        assertThat(others.kinds()).containsExactly(Kind.DEACTIVATED, Kind.ROLE_CHANGED);
        assertThat(failures).containsExactly("acme u-1 DEACTIVATED: session store down",
                "acme u-1 ROLE_CHANGED: role cache down");
    }

    @Test
    void anAdminsChangeWhoseListenerThrowsIsMadeToo() {
        fixture.given(user("u-1", "ann"));
        LocalUserAdministrationService admin = new LocalUserAdministrationService(ports(throwing));

        admin.deactivate(SITE, "u-1");

        assertThat(fixture.stored("u-1").active()).isFalse();
        assertThat(failures).containsExactly("acme u-1 DEACTIVATED: session store down");
    }

    @Test
    void aFailureReportThatThrowsStillLeavesTheChangeAnsweredAsMade() {
        fixture.given(user("u-1", "ann"));
        Ports ports = new Ports(fixture.users, fixture.sites, fixture.audit, fixture.transactions, throwing,
                fixture.clock).withEventFailures((site, user, event, failure) -> {
                    throw new IllegalStateException("the log is full too");
                });

        User answered = new ScimUsersService(ports).replace(SITE, "u-1", json("userName", "ann", "active", false),
                Optional.empty());

        assertThat(answered.active()).isFalse();
    }

    @Test
    void allTellsEveryListenerAndThrowsTheFirstFailureWithTheLaterOnesSuppressed() {
        User ann = fixture.given(user("u-1", "ann"));
        AccountEvents all = AccountEvents.all(List.of(throwing, others, throwing));

        Throwable thrown = catchThrowable(
                () -> all.deactivated(SITE, ann, ChangeSource.SCIM));

        assertThat(thrown).hasMessage("session store down");
        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("session store down");
        assertThat(others.kinds()).containsExactly(Kind.DEACTIVATED);
    }

    private Ports ports(AccountEvents events) {
        return new Ports(fixture.users, fixture.sites, fixture.audit, fixture.transactions, events, fixture.clock)
                .withEventFailures(heard);
    }
}
