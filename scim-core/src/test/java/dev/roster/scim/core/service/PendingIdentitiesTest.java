package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.CreateOutcome;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.core.schema.UserSchemas;
import dev.roster.scim.testkit.ForwardingUserStore;
import dev.roster.scim.testkit.RecordingAccountEvents.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creation policy {@code PENDING}: the IdP's identity of someone who has not signed in yet, end to end. */
class PendingIdentitiesTest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final Fixture fixture = new Fixture().manageRoles(true);
    private final ScimUsersService scim = fixture.scim();
    private final JitSignInService jit = fixture.jit();
    private final LocalUserAdministrationService admin = fixture.admin();

    /** Okta's POST for an assignment before the first sign-in. */
    private static ScimObject oktaPost(String userName) {
        return json("schemas", ScimArray.of(ScimValue.of(UserSchemas.CORE_USER)),
                "userName", userName,
                "externalId", "00u-" + userName,
                "name", Map.of("givenName", "Dan", "familyName", "Ito"),
                "emails", ScimArray.of(json("value", userName + "@example.com", "type", "work", "primary", true)),
                "displayName", "Dan Ito",
                "userType", "Moderator",
                "password", "never-kept",
                "active", true);
    }

    private static ScimObject patch(ScimObject... operations) {
        return json("schemas", ScimArray.of(ScimValue.of(PATCH_OP)),
                "Operations", ScimArray.of(operations));
    }

    private User held(String userName) {
        return scim.create(SITE, oktaPost(userName)).user();
    }

    private static SsoAssertion signIn(String userName) {
        return SsoAssertion.of(userName, null, null, null);
    }

    private List<String> actions(String userId) {
        return fixture.auditOf(userId).stream().map(AuditRecord::action).toList();
    }

    @Nested
    class Holding {

        @Test
        void aPostOfSomeoneWhoNeverSignedInHoldsWhatTheIdpAssertedWithoutAnAccount() {
            CreateOutcome outcome = scim.create(SITE, oktaPost("dan"));

            assertThat(outcome.kind()).isEqualTo(CreateOutcome.Kind.PENDING);
            User dan = outcome.user();
            assertThat(fixture.stored(dan.id())).isEqualTo(dan);
            assertThat(dan.pending()).isTrue();
            assertThat(dan.claimedByIdp()).isTrue();
            assertThat(dan.externalId()).contains("00u-dan");
            assertThat(dan.active()).isTrue();
            assertThat(dan.idpActive()).contains(true);
            assertThat(dan.role()).isEqualTo(Role.MODERATOR);
            assertThat(dan.name().givenName()).contains("Dan");
            assertThat(dan.emails()).extracting(Email::value).containsExactly("dan@example.com");
            assertThat(dan.otherAttributes().has("password")).isFalse();
            assertThat(dan.lastChangedBy()).isEqualTo(ChangeSource.SCIM);
            assertThat(fixture.auditOf(dan.id())).singleElement().satisfies(record -> {
                assertThat(record.action()).isEqualTo("pending-create");
                assertThat(record.after()).contains("pending active Moderator");
                assertThat(record.detail()).contains("not signed in yet").contains("No account exists");
            });
            assertThat(fixture.events.events()).isEmpty();
        }

        @Test
        void theRepresentationMarksItPendingInRostersExtension() {
            ScimObject json = UserResources.toScim(held("dan"));

            assertThat(json.getArray("schemas").orElseThrow().values()).extracting(Object::toString)
                    .anyMatch(urn -> urn.contains(UserSchemas.ROLE_EXTENSION));
            assertThat(json.getObject(UserSchemas.ROLE_EXTENSION).orElseThrow()
                    .getBoolean(UserSchemas.PENDING_ATTRIBUTE)).contains(true);
            assertThat(json.getString("userType")).contains("Moderator");
            assertThat(UserResources.toScim(fixture.given(user("u-1", "ann"))).has(UserSchemas.ROLE_EXTENSION))
                    .isFalse();
        }

        @Test
        void theIdpCannotSetOrClearThePendingMark() {
            User dan = scim.create(SITE, oktaPost("dan").with(UserSchemas.ROLE_EXTENSION,
                    json(UserSchemas.PENDING_ATTRIBUTE, false))).user();
            User ann = fixture.given(user("u-1", "ann"));

            assertThat(dan.pending()).isTrue();
            assertThat(scim.replace(SITE, ann.id(), json("userName", "ann", UserSchemas.ROLE_EXTENSION,
                    json(UserSchemas.PENDING_ATTRIBUTE, true)), Optional.empty()).pending()).isFalse();
            failure(ScimErrorType.MUTABILITY, () -> scim.patch(SITE, dan.id(), patch(json("op", "replace", "path",
                    UserSchemas.ROLE_EXTENSION + ":" + UserSchemas.PENDING_ATTRIBUTE, "value", false)),
                    Optional.empty()));
            assertThat(fixture.stored(dan.id()).pending()).isTrue();
        }

        @Test
        void theIdpsLookupsFindItSoASecondPostIsADuplicate() {
            User dan = held("Dan");

            assertThat(scim.get(SITE, dan.id())).isEqualTo(dan);
            assertThat(scim.search(SITE, SearchRequest.filtered("userName eq \"DAN\"")).users()).containsExactly(dan);
            assertThat(scim.search(SITE, SearchRequest.filtered("externalId eq \"00u-Dan\"")).users())
                    .containsExactly(dan);
            assertThat(scim.search(SITE, SearchRequest.all()).totalResults()).isEqualTo(1);
            ScimException duplicate = failure(ScimErrorType.UNIQUENESS, () -> scim.create(SITE, oktaPost("dan")));
            assertThat(duplicate.status()).isEqualTo(409);
        }

        @Test
        void aPostThatLosesTheRaceToTheFirstSignInLinksTheNewAccount() {
            ScimUsersService racingScim = new ScimUsersService(fixture.portsWhereAnotherInsertWins(
                    mine -> user("signed-in", "dan").build()));

            CreateOutcome outcome = racingScim.create(SITE, oktaPost("dan"));

            assertThat(outcome.kind()).isEqualTo(CreateOutcome.Kind.LINKED);
            assertThat(outcome.user().id()).isEqualTo("signed-in");
            assertThat(outcome.user().pending()).isFalse();
            assertThat(outcome.user().externalId()).contains("00u-dan");
        }

        @Test
        void aRoleValueIsValidatedAndIgnoredExactlyAsForAnAccount() {
            failure(ScimErrorType.INVALID_VALUE, () -> scim.create(SITE, oktaPost("dan").with("userType",
                    ScimValue.of("Owner"))));
            fixture.manageRoles(false);

            User eve = scim.create(SITE, oktaPost("eve")).user();
            scim.patch(SITE, eve.id(), patch(json("op", "replace", "path", "userType", "value", "Admin")),
                    Optional.empty());

            assertThat(eve.role()).isEqualTo(Role.REGISTERED);
            assertThat(actions(eve.id())).containsExactly("pending-create", "role-ignored", "role-ignored");
            assertThat(fixture.auditOf(eve.id()).subList(1, 3)).extracting(AuditRecord::detail).containsExactly(
                    "Pending identity (not signed in yet). The userType value 'Moderator' was ignored: this site "
                            + "does not let SCIM manage roles, so the role stays Registered.",
                    "Pending identity (not signed in yet). The userType value 'Admin' was ignored: this site "
                            + "does not let SCIM manage roles, so the role stays Registered.");
        }
    }

    @Nested
    class ChangingWhilePending {

        @Test
        void patchAndPutChangeItWithVersionsAndAuditRecordsThatSayItIsPending() {
            User dan = held("dan");

            User deactivated = scim.patch(SITE, dan.id(), patch(json("op", "replace", "value",
                    json("active", false))), Optional.of(dan.etag()));
            User renamed = scim.replace(SITE, dan.id(), json("userName", "dan", "externalId", "00u-dan",
                    "name", Map.of("givenName", "Daniel", "familyName", "Ito"), "active", false),
                    Optional.of(deactivated.etag()));

            assertThat(deactivated.active()).isFalse();
            assertThat(deactivated.version()).isEqualTo(2);
            assertThat(renamed.name().givenName()).contains("Daniel");
            assertThat(renamed.pending()).isTrue();
            assertThat(fixture.auditOf(dan.id())).extracting(AuditRecord::action)
                    .containsExactly("pending-create", "deactivate", "profile");
            assertThat(fixture.auditOf(dan.id()).get(1).detail()).startsWith("Pending identity (not signed in yet).");
            assertThat(fixture.events.events()).as("no account, so nothing to announce").isEmpty();
            failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.patch(SITE, dan.id(), patch(json("op", "replace",
                    "path", "active", "value", true)), Optional.of(dan.etag())));
        }

        @Test
        void aPendingAdminIsNoAdminForTheLastAdminGuard() {
            User owner = fixture.given(user("u-owner", "owner").role(Role.ADMIN));
            held("dan");
            scim.patch(SITE, scim.search(SITE, SearchRequest.filtered("userName eq \"dan\"")).users().get(0).id(),
                    patch(json("op", "replace", "path", "userType", "value", "Admin")), Optional.empty());

            ScimException refused = failure(ScimErrorType.CONFLICT, () -> scim.patch(SITE, owner.id(),
                    patch(json("op", "replace", "path", "userType", "value", "Registered")), Optional.empty()));

            assertThat(refused.detail()).contains("last active Admin");
        }

        @Test
        void aPendingAdminCanBeDemotedAndDeactivatedFreely() {
            User dan = scim.create(SITE, oktaPost("dan").with("userType",
                    ScimValue.of("Admin"))).user();

            User demoted = scim.patch(SITE, dan.id(), patch(json("op", "replace", "value",
                    json("active", false, "userType", "Registered"))), Optional.empty());

            assertThat(demoted.role()).isEqualTo(Role.REGISTERED);
            assertThat(demoted.active()).isFalse();
        }

        @Test
        void deleteErasesItWithAnAuditRecordAndLaterReadsAreNotFound() {
            User dan = held("dan");

            scim.delete(SITE, dan.id(), Optional.of(dan.etag()));

            assertThat(fixture.users.findById(SITE, dan.id())).isEmpty();
            failure(ScimErrorType.NOT_FOUND, () -> scim.get(SITE, dan.id()));
            failure(ScimErrorType.NOT_FOUND, () -> scim.delete(SITE, dan.id(), Optional.empty()));
            assertThat(scim.search(SITE, SearchRequest.filtered("userName eq \"dan\"")).totalResults()).isZero();
            assertThat(fixture.auditOf(dan.id())).last().satisfies(record -> {
                assertThat(record.action()).isEqualTo("pending-delete");
                assertThat(record.after()).contains("erased");
                assertThat(record.source()).isEqualTo(ChangeSource.SCIM);
            });
            // Assigned again later: a fresh pending identity.
            User again = held("dan");
            assertThat(again.id()).isNotEqualTo(dan.id());
        }

        @Test
        void aDeleteWithAStaleIfMatchErasesNothing() {
            User dan = held("dan");
            scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "active", "value", false)),
                    Optional.empty());

            failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.delete(SITE, dan.id(), Optional.of(dan.etag())));

            assertThat(fixture.users.findById(SITE, dan.id())).isPresent();
        }
    }

    @Nested
    class FirstSignIn {

        @Test
        void createsTheAccountFromThePendingIdentityWithTheSameIdAndTheIdpsRole() {
            User dan = held("dan");

            SignInOutcome outcome = jit.signIn(SITE, SsoAssertion.of("DAN", "dan@example.com", null, null));

            User account = outcome.user();
            assertThat(outcome.created()).isTrue();
            assertThat(account.id()).isEqualTo(dan.id());
            assertThat(account.pending()).isFalse();
            assertThat(account.externalId()).contains("00u-dan");
            assertThat(account.role()).isEqualTo(Role.MODERATOR);
            assertThat(account.active()).isTrue();
            assertThat(account.claimedByIdp()).isTrue();
            assertThat(account.name().givenName()).contains("Dan");
            assertThat(account.emails()).isEqualTo(dan.emails());
            assertThat(account.version()).isEqualTo(dan.version() + 1);
            assertThat(account.lastChangedBy()).isEqualTo(ChangeSource.SIGN_IN);
            assertThat(account.created()).isEqualTo(dan.created());
            assertThat(fixture.stored(dan.id())).isEqualTo(account);
            assertThat(fixture.auditOf(dan.id())).last().satisfies(record -> {
                assertThat(record.action()).isEqualTo("pending-claim");
                assertThat(record.source()).isEqualTo(ChangeSource.SIGN_IN);
                assertThat(record.before()).contains("pending active Moderator");
                assertThat(record.after()).contains("active Moderator");
                assertThat(record.detail()).contains("00u-dan").contains("same id").contains("role Moderator");
            });
            assertThat(fixture.events.events()).isEmpty();
            assertThat(jit.signIn(SITE, signIn("dan")).created()).isFalse();
        }

        @Test
        void theSignInsNameAndEmailApplyAsAtEverySignIn() {
            User dan = held("dan");

            User account = jit.signIn(SITE, SsoAssertion.of("dan", "daniel@example.com", "Daniel", null)).user();

            assertThat(account.name().givenName()).contains("Daniel");
            assertThat(account.name().familyName()).as("kept where the sign-in says nothing").contains("Ito");
            assertThat(account.emails()).extracting(Email::value).containsExactly("daniel@example.com");
            assertThat(actions(dan.id())).containsExactly("pending-create", "pending-claim", "profile");
        }

        @Test
        void whereTheSiteDoesNotLetScimManageRolesTheAccountIsRegistered() {
            User dan = held("dan");
            fixture.manageRoles(false);

            User account = jit.signIn(SITE, signIn("dan")).user();

            assertThat(account.role()).isEqualTo(Role.REGISTERED);
            assertThat(fixture.auditOf(dan.id())).last().satisfies(record -> assertThat(record.detail())
                    .contains("Moderator was not applied").contains("does not let SCIM manage roles"));
        }

        @Test
        void aPendingIdentityTheIdpDeactivatedRefusesTheSignInAndStaysPendingUntilReactivated() {
            User dan = held("dan");
            User deactivated = scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "active",
                    "value", false)), Optional.empty());

            ScimException refused = failure(ScimErrorType.FORBIDDEN, () -> jit.signIn(SITE, signIn("dan")));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.detail()).contains("deactivated in the identity provider");
            assertThat(fixture.stored(dan.id())).isEqualTo(deactivated);
            scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "active", "value", true)),
                    Optional.empty());
            User account = jit.signIn(SITE, signIn("dan")).user();
            assertThat(account.pending()).isFalse();
            assertThat(account.active()).isTrue();
        }

        @Test
        void aRefusedFirstSignInIsAuditedWithTheReasonInTheSameUnitAndChangesNothing() {
            User dan = held("dan");
            User deactivated = scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "active",
                    "value", false)), Optional.empty());
            int rollbacks = fixture.transactions.rollbacks();

            ScimException refused = failure(ScimErrorType.FORBIDDEN, () -> jit.signIn(SITE, signIn("dan")));

            assertThat(fixture.stored(dan.id())).as("the identity is not changed").isEqualTo(deactivated);
            assertThat(fixture.auditOf(dan.id())).last().satisfies(record -> {
                assertThat(record.action()).isEqualTo("sign-in-refused");
                assertThat(record.source()).isEqualTo(ChangeSource.SIGN_IN);
                assertThat(record.userName()).isEqualTo("dan");
                assertThat(record.before()).isEmpty();
                assertThat(record.after()).isEmpty();
                assertThat(record.detail()).isEqualTo("Pending identity (not signed in yet). Refused at SSO "
                        + "sign-in: " + refused.detail());
            });
            assertThat(fixture.transactions.rollbacks()).as("the record commits although the sign-in fails")
                    .isEqualTo(rollbacks);
            assertThat(fixture.events.events()).isEmpty();
        }

        @Test
        void afterTheClaimTheIdpsDeactivationDeactivatesTheAccountAndIsAnnounced() {
            User dan = held("dan");
            jit.signIn(SITE, signIn("dan"));

            User deactivated = scim.patch(SITE, dan.id(), patch(json("op", "replace", "value",
                    json("active", false))), Optional.empty());

            assertThat(deactivated.active()).isFalse();
            assertThat(fixture.events.kinds()).containsExactly(
                    Kind.DEACTIVATED);
            failure(ScimErrorType.FORBIDDEN, () -> jit.signIn(SITE, signIn("dan")));
        }

        @Test
        void theSignInIsMatchedByTheIdentifierProfileAndNoLookAlikeClaimsIt() {
            User pending = held("ian");
            // Dotless "ı" (U+0131) is a Turkish letter of its own: another person, with an account of their own.
            User other = jit.signIn(SITE, signIn("\u0131an")).user();
            // A Cyrillic "а" (U+0430) in a Latin name is refused outright.
            assertThatThrownBy(() -> jit.signIn(SITE, signIn("i\u0430n")))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
            User claimed = jit.signIn(SITE, signIn("IAN")).user();

            assertThat(other.id()).isNotEqualTo(pending.id());
            assertThat(other.pending()).isFalse();
            assertThat(claimed.id()).isEqualTo(pending.id());
            assertThat(claimed.pending()).isFalse();
        }

        @Test
        void aSignInThatLosesTheRaceToTheIdpsPostClaimsThePendingIdentity() {
            JitSignInService racingJit = new JitSignInService(fixture.portsWhereAnotherInsertWins(
                    mine -> user("held", "dan").pending(true).externalId("00u-dan").build()));

            SignInOutcome outcome = racingJit.signIn(SITE, signIn("dan"));

            assertThat(outcome.created()).isTrue();
            assertThat(outcome.user().id()).isEqualTo("held");
            assertThat(outcome.user().pending()).isFalse();
        }

        @Test
        void seedingSkipsPendingIdentitiesAndLeavesThemPending() {
            User dan = held("dan");

            int created = jit.signInAll(SITE, List.of(signIn("dan"), signIn("ann")));

            assertThat(created).isEqualTo(1);
            assertThat(fixture.stored(dan.id()).pending()).isTrue();
        }
    }

    @Nested
    class WhenTheSiteStopsManagingRoles {

        private final SiteAdministrationService sites = fixture.siteAdmin();

        @Test
        void heldRolesBecomeRegisteredAtOnceSoTheResourceShowsWhatTheFirstSignInGives() {
            User owner = fixture.given(user("u-owner", "owner").role(Role.ADMIN));
            User dan = held("dan");
            User eve = scim.create(SITE, oktaPost("eve").with("userType", ScimValue.of("Registered"))).user();

            sites.updateSettings(SITE, SettingsChange.none().manageRoles(false));

            User shown = scim.get(SITE, dan.id());
            assertThat(shown.role()).isEqualTo(Role.REGISTERED);
            assertThat(UserResources.toScim(shown).get("userType")).contains(ScimValue.of("Registered"));
            assertThat(shown.version()).isEqualTo(dan.version() + 1);
            assertThat(shown.lastChangedBy()).isEqualTo(ChangeSource.ADMIN);
            assertThat(shown.pending()).isTrue();
            assertThat(fixture.auditOf(dan.id())).last().satisfies(record -> {
                assertThat(record.action()).isEqualTo("role");
                assertThat(record.source()).isEqualTo(ChangeSource.ADMIN);
                assertThat(record.before()).contains("Moderator");
                assertThat(record.after()).contains("Registered");
                assertThat(record.detail()).isEqualTo("Pending identity (not signed in yet). Role changed by a site "
                        + "admin. The site no longer lets SCIM manage roles, so the role the identity provider sent "
                        + "is not kept: their first SSO sign-in gives Registered.");
            });
            assertThat(fixture.stored(eve.id())).as("nothing to change").isEqualTo(eve);
            assertThat(fixture.stored(owner.id())).as("an account keeps its role").isEqualTo(owner);
            assertThat(fixture.events.events()).isEmpty();
        }

        @Test
        void turningRoleManagementOnAgainDoesNotBringTheDroppedRoleBackTheIdpSendsItAgain() {
            User dan = held("dan");
            sites.updateSettings(SITE, SettingsChange.none().manageRoles(false));
            User ignored = scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "userType",
                    "value", "Moderator")), Optional.empty());

            sites.updateSettings(SITE, SettingsChange.none().manageRoles(true));

            assertThat(ignored.role()).isEqualTo(Role.REGISTERED);
            assertThat(scim.get(SITE, dan.id()).role()).isEqualTo(Role.REGISTERED);
            User resent = scim.patch(SITE, dan.id(), patch(json("op", "replace", "path", "userType",
                    "value", "Moderator")), Optional.empty());
            assertThat(resent.role()).isEqualTo(Role.MODERATOR);
            assertThat(jit.signIn(SITE, signIn("dan")).user().role()).isEqualTo(Role.MODERATOR);
        }

        @Test
        void turningSsoOffTurnsRoleManagementOffAndDropsThemToo() {
            User dan = held("dan");

            sites.updateSettings(SITE, SettingsChange.none().ssoConfigured(false));

            assertThat(fixture.stored(dan.id()).role()).isEqualTo(Role.REGISTERED);
        }

        @Test
        void aSettingsChangeThatCannotDropEveryHeldRoleChangesNothing() {
            User dan = held("dan");
            UserStore losing = new ForwardingUserStore(fixture.users) {
                @Override
                public boolean update(SiteId site, User user, long expectedVersion) {
                    return false;
                }
            };
            SiteAdministrationService racing = new SiteAdministrationService(fixture.ports(losing, fixture.audit));

            failure(ScimErrorType.CONFLICT, () -> racing.updateSettings(SITE, SettingsChange.none()
                    .manageRoles(false)));

            assertThat(fixture.settings().manageRoles()).isTrue();
            assertThat(fixture.stored(dan.id())).isEqualTo(dan);
            assertThat(fixture.auditOf(dan.id())).extracting(AuditRecord::action).containsExactly("pending-create");
        }

        @Test
        void manyHeldRolesAreAllDropped() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                ids.add(held("user" + i).id());
            }

            sites.updateSettings(SITE, SettingsChange.none().manageRoles(false));

            assertThat(ids).allSatisfy(id -> assertThat(fixture.stored(id).role()).isEqualTo(Role.REGISTERED));
        }
    }

    @Nested
    class LocalAdministration {

        @Test
        void everyLocalChangeOfAPendingIdentityIsRefusedWithWhatToDoInstead() {
            User dan = held("dan");

            for (ScimException refused : List.of(
                    failure(ScimErrorType.CONFLICT, () -> admin.deactivate(SITE, dan.id())),
                    failure(ScimErrorType.CONFLICT, () -> admin.reactivate(SITE, dan.id())),
                    failure(ScimErrorType.CONFLICT, () -> admin.setRole(SITE, dan.id(), Role.ADMIN)),
                    failure(ScimErrorType.CONFLICT, () -> admin.restore(SITE, dan.id())))) {
                assertThat(refused.detail()).contains("has not signed in yet").contains("identity provider");
            }
            assertThat(fixture.stored(dan.id())).isEqualTo(dan);
        }

        @Test
        void usersAndPendingIdentitiesAreListedApartAndCountedApart() {
            fixture.given(user("u-1", "ann"));
            fixture.given(user("u-2", "gone").hidden(true).active(false));
            User dan = held("dan");
            User cai = held("cai");

            assertThat(admin.users(SITE, SearchRequest.all()).users()).extracting(User::id)
                    .containsExactly("u-1", "u-2");
            assertThat(admin.users(SITE, SearchRequest.all()).totalResults()).isEqualTo(2);
            assertThat(admin.pendingIdentities(SITE, SearchRequest.all()).users()).containsExactly(cai, dan);
            assertThat(admin.pendingIdentities(SITE, SearchRequest.filtered("userName co \"d\"")).users())
                    .containsExactly(dan);
            jit.signIn(SITE, signIn("dan"));
            assertThat(admin.pendingIdentities(SITE, SearchRequest.all()).users()).containsExactly(cai);
            assertThat(admin.users(SITE, SearchRequest.all()).totalResults()).isEqualTo(3);
        }
    }

    @Nested
    class PerSitePolicy {

        @Test
        void theSitesOwnPolicyWinsOverTheServiceDefault() {
            fixture.siteAdmin().updateSettings(SITE, SettingsChange.none().creationPolicy(CreationPolicy.JIT_ONLY));
            failure(ScimErrorType.FORBIDDEN, () -> scim.create(SITE, oktaPost("dan")));

            fixture.siteAdmin().updateSettings(SITE, SettingsChange.none().creationPolicy(CreationPolicy.ALLOW));
            CreateOutcome allowed = scim.create(SITE, oktaPost("dan"));
            assertThat(allowed.kind()).isEqualTo(CreateOutcome.Kind.CREATED);
            assertThat(allowed.user().pending()).isFalse();

            fixture.siteAdmin().updateSettings(SITE, SettingsChange.none().creationPolicy(CreationPolicy.PENDING));
            assertThat(fixture.scim(CreationPolicy.JIT_ONLY).create(SITE, oktaPost("eve")).kind())
                    .isEqualTo(CreateOutcome.Kind.PENDING);
        }

        @Test
        void aSiteWithoutItsOwnPolicyFollowsTheServiceDefault() {
            assertThat(fixture.settings().creationPolicy()).isEmpty();

            assertThat(scim.create(SITE, oktaPost("dan")).kind()).isEqualTo(CreateOutcome.Kind.PENDING);
            failure(ScimErrorType.FORBIDDEN, () -> fixture.scim(CreationPolicy.JIT_ONLY).create(SITE,
                    oktaPost("eve")));
            assertThat(fixture.scim(CreationPolicy.ALLOW).create(SITE, oktaPost("eve")).kind())
                    .isEqualTo(CreateOutcome.Kind.CREATED);
        }
    }
}
