package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.testkit.RecordingAccountEvents.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

class LocalUserAdministrationServiceTest {

    private final Fixture fixture = new Fixture();
    private final LocalUserAdministrationService admin = fixture.admin();

    @Test
    void anAdminDeactivatesAUserWithAVersionAnAuditRecordAndAnEvent() {
        fixture.given(user("u-1", "ann").idpActive(true));

        User ann = admin.deactivate(SITE, "u-1");

        assertThat(ann.active()).isFalse();
        assertThat(ann.idpActive()).contains(true);
        assertThat(ann.version()).isEqualTo(2);
        assertThat(ann.lastChangedBy()).isEqualTo(ChangeSource.ADMIN);
        assertThat(fixture.events.kinds()).containsExactly(Kind.DEACTIVATED);
        assertThat(fixture.events.events().get(0).source()).isEqualTo(ChangeSource.ADMIN);
        assertThat(fixture.auditOf("u-1")).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("deactivate");
            assertThat(record.source()).isEqualTo(ChangeSource.ADMIN);
        });
    }

    @Test
    void aLocalReactivationOfAUserTheIdpDeactivatedShowsAsDrift() {
        fixture.given(user("u-1", "ann"));
        fixture.scim().replace(SITE, "u-1", json("userName", "ann", "active", false), Optional.empty());

        User ann = admin.reactivate(SITE, "u-1");

        assertThat(ann.active()).isTrue();
        assertThat(ann.idpActive()).contains(false);
        assertThat(ann.drifted()).isTrue();
        assertThat(ann.lastChangedBy()).isEqualTo(ChangeSource.ADMIN);
        assertThat(admin.users(SITE, SearchRequest.all().withPage(1, 10)).users()).singleElement()
                .satisfies(listed -> assertThat(listed.drifted()).isTrue());
    }

    @Test
    void theIdpAssertingTheStatusAgainEndsTheDrift() {
        fixture.given(user("u-1", "ann"));
        fixture.scim().replace(SITE, "u-1", json("userName", "ann", "active", false), Optional.empty());
        admin.reactivate(SITE, "u-1");

        User ann = fixture.scim().replace(SITE, "u-1", json("userName", "ann", "active", false), Optional.empty());

        assertThat(ann.active()).isFalse();
        assertThat(ann.drifted()).isFalse();
    }

    @Test
    void anAdminChangesARole() {
        fixture.given(user("u-1", "ann"));

        User ann = admin.setRole(SITE, "u-1", Role.MODERATOR);

        assertThat(ann.role()).isEqualTo(Role.MODERATOR);
        assertThat(fixture.events.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Kind.ROLE_CHANGED);
            assertThat(event.previousRole()).contains(Role.REGISTERED);
        });
        assertThat(fixture.auditOf("u-1")).singleElement().satisfies(record -> {
            assertThat(record.before()).contains("Registered");
            assertThat(record.after()).contains("Moderator");
        });
    }

    @Test
    void settingTheRoleAUserHasChangesNothing() {
        fixture.given(user("u-1", "ann"));

        User ann = admin.setRole(SITE, "u-1", Role.REGISTERED);

        assertThat(ann.version()).isEqualTo(1);
        assertThat(fixture.audit.all()).isEmpty();
        assertThat(fixture.events.events()).isEmpty();
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedOrDemotedByAnAdminEither() {
        fixture.given(user("u-1", "ann").role(Role.ADMIN));

        failure(ScimErrorType.CONFLICT, () -> admin.deactivate(SITE, "u-1"));
        failure(ScimErrorType.CONFLICT, () -> admin.setRole(SITE, "u-1", Role.REGISTERED));

        fixture.given(user("u-2", "bob").role(Role.ADMIN));
        assertThat(admin.setRole(SITE, "u-1", Role.REGISTERED).role()).isEqualTo(Role.REGISTERED);
    }

    @Test
    void aDeletedUserMustBeRestoredBeforeItIsChanged() {
        fixture.given(user("u-1", "ann").active(false).hidden(true));

        failure(ScimErrorType.CONFLICT, () -> admin.reactivate(SITE, "u-1"));
        failure(ScimErrorType.CONFLICT, () -> admin.setRole(SITE, "u-1", Role.ADMIN));

        User restored = admin.restore(SITE, "u-1");
        assertThat(restored.hidden()).isFalse();
        assertThat(restored.active()).isFalse();
        assertThat(admin.reactivate(SITE, "u-1").active()).isTrue();
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("restore", "reactivate");
    }

    @Test
    void anUnknownUserIsNotFound() {
        failure(ScimErrorType.NOT_FOUND, () -> admin.deactivate(SITE, "nobody"));
        failure(ScimErrorType.NOT_FOUND, () -> admin.restore(SITE, "nobody"));
    }

    @Test
    void theListHasEveryUserIncludingDeletedOnesByUserName() {
        fixture.given(user("u-1", "carl"));
        fixture.given(user("u-2", "Ann").active(false).hidden(true));
        fixture.given(user("u-3", "bob"));

        UserPage page = admin.users(SITE, SearchRequest.all().withPage(1, 2));

        assertThat(page.users()).extracting(User::userName).containsExactly("Ann", "bob");
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(admin.users(SITE, SearchRequest.all().withPage(3, 2)).users()).extracting(User::userName).containsExactly("carl");
    }

    @Test
    void theAuditTrailIsReadNewestFirst() {
        fixture.given(user("u-1", "ann"));
        fixture.given(user("u-2", "bob"));
        admin.deactivate(SITE, "u-1");
        fixture.clock.advance(Duration.ofMinutes(1));
        admin.deactivate(SITE, "u-2");
        fixture.clock.advance(Duration.ofMinutes(1));
        admin.reactivate(SITE, "u-1");

        assertThat(admin.recentChanges(SITE, 2)).extracting(AuditRecord::userName, AuditRecord::action)
                .containsExactly(tuple("ann", "reactivate"),
                        tuple("bob", "deactivate"));
        assertThat(admin.changesOf(SITE, "u-1", 10)).extracting(AuditRecord::action)
                .containsExactly("reactivate", "deactivate");
    }
}
