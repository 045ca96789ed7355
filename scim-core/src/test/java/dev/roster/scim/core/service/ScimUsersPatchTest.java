package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.internal.patch.PatchRequest;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.testkit.ForwardingUserStore;
import dev.roster.scim.testkit.InMemoryTransactions;
import dev.roster.scim.testkit.RecordingAccountEvents.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class ScimUsersPatchTest {

    private final Fixture fixture = new Fixture();
    private final ScimUsersService scim = fixture.scim();

    private static ScimObject patch(ScimObject... operations) {
        return json("schemas", ScimArray.of(ScimValue.of(PatchRequest.PATCH_OP)), "Operations",
                new ScimArray(List.of(operations)));
    }

    private static ScimObject op(String op, String path, Object value) {
        return json("op", op, "path", path, "value", value);
    }

    private static ScimObject op(String op, Object value) {
        return json("op", op, "value", value);
    }

    @Test
    void oktasDeactivationDeactivates() {
        fixture.given(user("u-1", "ann"));

        User ann = scim.patch(SITE, "u-1", patch(op("replace", Map.of("active", false))), Optional.empty());

        assertThat(ann.active()).isFalse();
        assertThat(ann.idpActive()).contains(false);
        assertThat(fixture.events.kinds()).containsExactly(Kind.DEACTIVATED);
    }

    @Test
    void entrasStringBooleanOnAPathReactivates() {
        fixture.given(user("u-1", "ann").active(false));

        User ann = scim.patch(SITE, "u-1", patch(op("Replace", "active", "True")), Optional.empty());

        assertThat(ann.active()).isTrue();
    }

    @Test
    void aPatchThatDoesNotSetStatusOrRoleLeavesThemAsTheyAre() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann").active(false).role(Role.MODERATOR).idpActive(true));

        User ann = scim.patch(SITE, "u-1", patch(op("replace", "displayName", "Ann"),
                op("add", "emails[type eq \"work\"].value", "ann@example.com")), Optional.empty());

        assertThat(ann.active()).isFalse();
        assertThat(ann.role()).isEqualTo(Role.MODERATOR);
        assertThat(ann.idpActive()).contains(true);
        assertThat(ann.displayName()).contains("Ann");
        assertThat(ann.emails()).extracting(Email::value).containsExactly("ann@example.com");
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("profile");
    }

    @Test
    void removingUserTypeDoesNotChangeTheRole() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann").role(Role.ADMIN));
        fixture.given(user("u-2", "bob").role(Role.ADMIN));

        User ann = scim.patch(SITE, "u-1", patch(json("op", "remove", "path", "userType")), Optional.empty());

        assertThat(ann.role()).isEqualTo(Role.ADMIN);
        assertThat(ann.version()).isEqualTo(1);
    }

    @Test
    void stackUserTypeUnderEntrasCustomExtensionSetsTheRoleWhenRolesAreManaged() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann"));

        User ann = scim.patch(SITE, "u-1", patch(op("Add",
                "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:stackUserType", "Admin")),
                Optional.empty());

        assertThat(ann.role()).isEqualTo(Role.ADMIN);
        assertThat(fixture.events.kinds()).containsExactly(Kind.ROLE_CHANGED);
    }

    @Test
    void aPatchedRoleIsIgnoredAndAuditedWhenRolesAreNotManaged() {
        fixture.given(user("u-1", "ann"));

        User ann = scim.patch(SITE, "u-1", patch(op("replace", "userType", "Admin")), Optional.empty());

        assertThat(ann.role()).isEqualTo(Role.REGISTERED);
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("role-ignored");
    }

    @Test
    void anUnknownPatchedRoleIsInvalidValueWhenRolesAreManaged() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann"));

        failure(ScimErrorType.INVALID_VALUE, () -> scim.patch(SITE, "u-1", patch(op("replace", "userType", "Boss")),
                Optional.empty()));
    }

    @Test
    void theLastActiveAdminCannotBePatchedAway() {
        fixture.manageRoles(true);
        fixture.given(user("u-1", "ann").role(Role.ADMIN));

        failure(ScimErrorType.CONFLICT, () -> scim.patch(SITE, "u-1", patch(op("replace", "active", false)),
                Optional.empty()));
        failure(ScimErrorType.CONFLICT, () -> scim.patch(SITE, "u-1", patch(op("replace", "userType", "Registered")),
                Optional.empty()));
    }

    @Test
    void aPatchHonoursIfMatch() {
        fixture.given(user("u-1", "ann").version(4));

        failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.patch(SITE, "u-1",
                patch(op("replace", "displayName", "Ann")), Optional.of("W/\"3\"")));
        assertThat(scim.patch(SITE, "u-1", patch(op("replace", "displayName", "Ann")), Optional.of("W/\"4\""))
                .version()).isEqualTo(5);
    }

    @Test
    void aPatchOfADeletedUserIsNotFound() {
        fixture.given(user("u-1", "ann").active(false).hidden(true));

        failure(ScimErrorType.NOT_FOUND, () -> scim.patch(SITE, "u-1", patch(op("replace", "active", true)),
                Optional.empty()));
    }

    @Test
    void aBadPatchChangesNothing() {
        fixture.given(user("u-1", "ann"));

        failure(ScimErrorType.MUTABILITY, () -> scim.patch(SITE, "u-1", patch(op("replace", "displayName", "Ann"),
                json("op", "remove", "path", "userName")), Optional.empty()));

        assertThat(fixture.stored("u-1").displayName()).isEmpty();
        assertThat(fixture.audit.all()).isEmpty();
    }

    @Test
    void twoPatchesOfOneUserArrivingTogetherBothLand() {
        fixture.given(user("u-1", "ann"));
        ScimObject title = patch(op("add", "title", "Engineer"));
        ScimObject deactivation = patch(op("replace", "active", false));
        // The title PATCH commits between the deactivation PATCH's read and its write.
        UserStore racing = new RacingOnce(fixture.users,
                () -> scim.patch(SITE, "u-1", title, Optional.empty()));
        ScimUsersService losing = new ScimUsersService(new Ports(racing, fixture.sites, fixture.audit,
                new InMemoryTransactions(), fixture.events, fixture.clock));

        User ann = losing.patch(SITE, "u-1", deactivation, Optional.empty());

        assertThat(ann.active()).isFalse();
        assertThat(ann.otherAttributes().getString("title")).contains("Engineer");
        assertThat(ann.version()).isEqualTo(3);
        assertThat(fixture.stored("u-1")).isEqualTo(ann);
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("profile", "deactivate");
        assertThat(ann.lastChangedBy()).isEqualTo(ChangeSource.SCIM);
    }

    /** Runs another request just before the first update, once, so that the update finds a newer version. */
    private static final class RacingOnce extends ForwardingUserStore {
        private Runnable other;

        RacingOnce(UserStore delegate, Runnable other) {
            super(delegate);
            this.other = other;
        }

        @Override
        public boolean update(SiteId site, User user, long expectedVersion) {
            if (other != null) {
                Runnable run = other;
                other = null;
                run.run();
            }
            return super.update(site, user, expectedVersion);
        }
    }
}
