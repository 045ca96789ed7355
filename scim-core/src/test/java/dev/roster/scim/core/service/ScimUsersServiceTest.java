package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.CreateOutcome;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.schema.UserSchemas;
import dev.roster.scim.testkit.RecordingAccountEvents.Kind;
import dev.roster.scim.testkit.TestClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

class ScimUsersServiceTest {

    private final Fixture fixture = new Fixture();
    private final ScimUsers scim = fixture.scim();

    private static ScimObject body(String userName, Object... more) {
        Object[] pairs = new Object[more.length + 2];
        pairs[0] = "userName";
        pairs[1] = userName;
        System.arraycopy(more, 0, pairs, 2, more.length);
        return json(pairs);
    }

    private static Map<String, Object> roleExtension(String value) {
        return Map.of("stackUserType", value);
    }

    @Nested
    class Reading {

        @Test
        void aVisibleUserIsRead() {
            User ann = fixture.given(user("u-1", "ann"));

            assertThat(scim.get(SITE, "u-1")).isEqualTo(ann);
        }

        @Test
        void anUnknownUserIsNotFound() {
            failure(ScimErrorType.NOT_FOUND, () -> scim.get(SITE, "nobody"));
        }

        @Test
        void aDeletedUserIsNotFound() {
            fixture.given(user("u-1", "ann").active(false).hidden(true));

            failure(ScimErrorType.NOT_FOUND, () -> scim.get(SITE, "u-1"));
        }

        @Test
        void aSiteWithScimOffRefusesScimRequests() {
            fixture.given(user("u-1", "ann"));
            fixture.sites.update(fixture.settings().withScimEnabled(false));

            failure(ScimErrorType.FORBIDDEN, () -> scim.get(SITE, "u-1"));
            failure(ScimErrorType.FORBIDDEN, () -> scim.search(SITE, SearchRequest.all()));
        }

        @Test
        void searchLeavesOutDeletedUsers() {
            fixture.given(user("u-1", "ann"));
            fixture.given(user("u-2", "bob").active(false).hidden(true));

            assertThat(scim.search(SITE, SearchRequest.all()).users()).extracting(User::id).containsExactly("u-1");
        }

        @Test
        void searchFiltersWithTheParsedFilter() {
            fixture.given(user("u-1", "ann"));
            fixture.given(user("u-2", "bob"));

            UserPage page = scim.search(SITE, SearchRequest.filtered("userName eq \"BOB\""));

            assertThat(page.users()).extracting(User::id).containsExactly("u-2");
            assertThat(page.totalResults()).isEqualTo(1);
        }

        @Test
        void aMalformedFilterIsInvalidFilter() {
            failure(ScimErrorType.INVALID_FILTER, () -> scim.search(SITE, SearchRequest.filtered("userName eq")));
        }

        @Test
        void aFilterThatDoesNotFitTheSchemaIsInvalidFilter() {
            failure(ScimErrorType.INVALID_FILTER, () -> scim.search(SITE, SearchRequest.filtered("userName eq 5")));
            failure(ScimErrorType.INVALID_FILTER, () -> scim.search(SITE,
                    SearchRequest.filtered("meta.created gt \"yesterday\"")));
        }

        @Test
        void pagingParametersAreBroughtIntoRange() {
            for (int i = 1; i <= 3; i++) {
                fixture.given(user("u-" + i, "user" + i));
            }

            UserPage fromZero = scim.search(SITE, SearchRequest.all().withPage(0, 2));
            UserPage negativeCount = scim.search(SITE, SearchRequest.all().withPage(1, -5));
            UserPage huge = scim.search(SITE, SearchRequest.all().withPage(2, Integer.MAX_VALUE));

            assertThat(fromZero.startIndex()).isEqualTo(1);
            assertThat(fromZero.users()).extracting(User::id).containsExactly("u-1", "u-2");
            assertThat(negativeCount.users()).isEmpty();
            assertThat(negativeCount.totalResults()).isEqualTo(3);
            assertThat(huge.users()).extracting(User::id).containsExactly("u-2", "u-3");
        }

        @Test
        void countIsCappedAtMaxResults() {
            for (int i = 0; i < ScimUsers.MAX_RESULTS + 5; i++) {
                fixture.given(user(String.format("u-%03d", i), "user" + i));
            }

            UserPage page = scim.search(SITE, SearchRequest.all().withPage(1, 1000));
            UserPage byDefault = scim.search(SITE, SearchRequest.all());

            assertThat(page.users()).hasSize(ScimUsers.MAX_RESULTS);
            assertThat(byDefault.users()).hasSize(ScimUsers.MAX_RESULTS);
            assertThat(page.totalResults()).isEqualTo(ScimUsers.MAX_RESULTS + 5);
        }

        @Test
        void searchSortsBySortByInAnyCaseOfSortOrder() {
            fixture.given(user("u-1", "bob"));
            fixture.given(user("u-2", "Ann"));
            fixture.given(user("u-3", "carl"));

            UserPage page = scim.search(SITE, SearchRequest.all().withSort("USERNAME", "DESCENDING"));

            assertThat(page.users()).extracting(User::userName).containsExactly("carl", "bob", "Ann");
        }

        @Test
        void sortByAnUnknownAttributeIsInvalidValue() {
            failure(ScimErrorType.INVALID_VALUE, () -> scim.search(SITE, SearchRequest.all().withSort("shoeSize",
                    "ascending")));
        }

        @Test
        void aSortOrderOtherThanAscendingOrDescendingIsInvalidValue() {
            failure(ScimErrorType.INVALID_VALUE, () -> scim.search(SITE, SearchRequest.all().withSort("userName",
                    "upwards")));
        }
    }

    @Nested
    class Creating {

        @Test
        void jitOnlyRefusesAnUnknownUserNameAndSaysUsersAreCreatedAtSignIn() {
            ScimUsers jitOnly = fixture.scim(CreationPolicy.JIT_ONLY);

            ScimException refused = failure(ScimErrorType.FORBIDDEN, () -> jitOnly.create(SITE, body("newbie")));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.type().scimType()).isEmpty();
            assertThat(refused.detail()).contains("newbie").contains("first SSO sign-in");
            assertThat(fixture.users.all(SITE)).isEmpty();
        }

        @Test
        void postLinksAUserWhoSignedInButIsNotClaimedYet() {
            fixture.given(user("u-1", "ann").email("ann@old.example"));

            CreateOutcome outcome = scim.create(SITE, body("ANN", "externalId", "okta-123",
                    "emails", ScimArray.of(json("value", "ann@example.com", "primary", true)),
                    "title", "Engineer"));

            assertThat(outcome.kind()).isEqualTo(CreateOutcome.Kind.LINKED);
            User linked = fixture.stored("u-1");
            assertThat(outcome.user()).isEqualTo(linked);
            assertThat(linked.claimedByIdp()).isTrue();
            assertThat(linked.externalId()).contains("okta-123");
            assertThat(linked.userName()).isEqualTo("ANN");
            assertThat(linked.emails()).extracting(Email::value).containsExactly("ann@example.com");
            assertThat(linked.otherAttributes().getString("title")).contains("Engineer");
            assertThat(linked.version()).isEqualTo(2);
            assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).contains("link", "profile");
        }

        @Test
        void linkingLeavesStatusAloneWhenThePostDoesNotAssertIt() {
            fixture.given(user("u-1", "ann").active(false));

            scim.create(SITE, body("ann"));

            assertThat(fixture.stored("u-1").active()).isFalse();
        }

        @Test
        void aSecondPostOfAClaimedUserIsAUniquenessConflict() {
            fixture.given(user("u-1", "ann"));
            scim.create(SITE, body("ann"));

            ScimException duplicate = failure(ScimErrorType.UNIQUENESS, () -> scim.create(SITE, body("Ann")));

            assertThat(duplicate.status()).isEqualTo(409);
        }

        @Test
        void postOfAUserTheIdpDeletedProvisionsItAgain() {
            fixture.given(user("u-1", "ann").claimedByIdp(true).active(false).hidden(true));

            CreateOutcome outcome = scim.create(SITE, body("ann", "active", true));

            assertThat(outcome.kind()).isEqualTo(CreateOutcome.Kind.LINKED);
            assertThat(scim.get(SITE, "u-1").active()).isTrue();
        }

        @Test
        void allowCreatesAnActiveRegisteredUserClaimedByTheIdp() {
            CreateOutcome outcome = fixture.scim(CreationPolicy.ALLOW).create(SITE, body("newbie",
                    "name", Map.of("givenName", "New", "familyName", "Bie")));

            assertThat(outcome.kind()).isEqualTo(CreateOutcome.Kind.CREATED);
            User created = outcome.user();
            assertThat(fixture.stored(created.id())).isEqualTo(created);
            assertThat(created.active()).isTrue();
            assertThat(created.role()).isEqualTo(Role.REGISTERED);
            assertThat(created.claimedByIdp()).isTrue();
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.name().givenName()).contains("New");
            assertThat(created.created()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MILLIS));
            assertThat(fixture.auditOf(created.id())).extracting(AuditRecord::action).containsExactly("create");
        }

        @Test
        void allowCreatesAnInactiveUserWhenThePostSaysSo() {
            User created = fixture.scim(CreationPolicy.ALLOW).create(SITE, body("newbie", "active", "False")).user();

            assertThat(created.active()).isFalse();
            assertThat(created.idpActive()).contains(false);
        }

        @Test
        void allowCreatesWithTheManagedRole() {
            fixture.manageRoles(true);

            User created = fixture.scim(CreationPolicy.ALLOW).create(SITE, body("newbie", "userType", "moderator"))
                    .user();

            assertThat(created.role()).isEqualTo(Role.MODERATOR);
        }

        @Test
        void allowRefusesADuplicateWithUniqueness() {
            ScimUsers allowing = fixture.scim(CreationPolicy.ALLOW);
            allowing.create(SITE, body("newbie"));

            failure(ScimErrorType.UNIQUENESS, () -> allowing.create(SITE, body("NEWBIE")));
        }

        @Test
        void aPasswordIsNeverStoredNorReturned() {
            User created = fixture.scim(CreationPolicy.ALLOW).create(SITE, body("newbie", "password", "s3cret!"))
                    .user();
            fixture.given(user("u-1", "ann"));
            scim.replace(SITE, "u-1", body("ann", "password", "hunter2"), Optional.empty());

            for (User user : fixture.users.all(SITE)) {
                assertThat(user.otherAttributes().has("password")).isFalse();
                assertThat(UserResources.toScim(user).has("password")).isFalse();
                assertThat(user.toString()).doesNotContain("s3cret!").doesNotContain("hunter2");
            }
            assertThat(created.otherAttributes().isEmpty()).isTrue();
        }

        @Test
        void attributesTheAppDoesNotUseAreKeptAndUnknownOnesIgnored() {
            User created = fixture.scim(CreationPolicy.ALLOW).create(SITE, body("newbie",
                    "title", "Engineer",
                    "favouriteColour", "green",
                    "id", "chosen-by-client",
                    UserSchemas.ENTERPRISE_USER, Map.of("department", "R&D"))).user();

            ScimObject json = UserResources.toScim(created);
            assertThat(json.getString("title")).contains("Engineer");
            assertThat(json.getObject(UserSchemas.ENTERPRISE_USER).flatMap(e -> e.getString("department")))
                    .contains("R&D");
            assertThat(json.has("favouriteColour")).isFalse();
            assertThat(created.id()).isNotEqualTo("chosen-by-client");
        }
    }

    @Nested
    class Replacing {

        @Test
        void putReplacesTheProfile() {
            fixture.given(user("u-1", "ann").displayName("Ann").other("title", "Engineer"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "nickName", "Annie"), Optional.empty());

            assertThat(replaced.displayName()).isEmpty();
            assertThat(replaced.otherAttributes().has("title")).isFalse();
            assertThat(replaced.otherAttributes().getString("nickName")).contains("Annie");
            assertThat(replaced.lastChangedBy()).isEqualTo(ChangeSource.SCIM);
            assertThat(fixture.stored("u-1")).isEqualTo(replaced);
        }

        @Test
        void putWithoutActiveOrRoleLeavesStatusAndRoleAsTheyAre() {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann").active(false).role(Role.MODERATOR));

            User replaced = scim.replace(SITE, "u-1", body("ann", "displayName", "Ann"), Optional.empty());

            assertThat(replaced.active()).isFalse();
            assertThat(replaced.role()).isEqualTo(Role.MODERATOR);
            assertThat(replaced.idpActive()).isEmpty();
        }

        @Test
        void activeFalseDeactivatesAndTellsTheListenersAfterwards() {
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "active", false), Optional.empty());

            assertThat(replaced.active()).isFalse();
            assertThat(replaced.idpActive()).contains(false);
            assertThat(fixture.events.kinds()).containsExactly(Kind.DEACTIVATED);
            assertThat(fixture.events.events().get(0).user()).isEqualTo(replaced);
            AuditRecord record = fixture.auditOf("u-1").get(0);
            assertThat(record.action()).isEqualTo("deactivate");
            assertThat(record.source()).isEqualTo(ChangeSource.SCIM);
            assertThat(record.before()).contains("active");
            assertThat(record.after()).contains("inactive");
        }

        @Test
        void activeTrueReactivates() {
            fixture.given(user("u-1", "ann").active(false).idpActive(false));

            User replaced = scim.replace(SITE, "u-1", body("ann", "active", "True"), Optional.empty());

            assertThat(replaced.active()).isTrue();
            assertThat(replaced.idpActive()).contains(true);
            assertThat(fixture.events.kinds()).containsExactly(Kind.REACTIVATED);
        }

        @Test
        void aRoleIsIgnoredWhenTheSiteDoesNotLetScimManageRolesAndTheAuditSaysSo() {
            fixture.given(user("u-1", "ann").idpActive(true));

            User replaced = scim.replace(SITE, "u-1", body("ann", "active", true, "userType", "Admin"),
                    Optional.empty());

            assertThat(replaced.role()).isEqualTo(Role.REGISTERED);
            assertThat(replaced.version()).isEqualTo(1);
            assertThat(fixture.events.events()).isEmpty();
            assertThat(fixture.auditOf("u-1")).singleElement().satisfies(record -> {
                assertThat(record.action()).isEqualTo("role-ignored");
                assertThat(record.detail()).contains("'Admin'").contains("does not let SCIM manage roles");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"Admin", "admin", "ADMIN", " aDmIn "})
        void userTypeSetsTheRoleInAnyCaseWhenRolesAreManaged(String value) {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "userType", value), Optional.empty());

            assertThat(replaced.role()).isEqualTo(Role.ADMIN);
            assertThat(fixture.events.events()).singleElement().satisfies(event -> {
                assertThat(event.kind()).isEqualTo(Kind.ROLE_CHANGED);
                assertThat(event.previousRole()).contains(Role.REGISTERED);
            });
            assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("role");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "urn:ietf:params:scim:schemas:extension:roster:2.0:User",
                "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"})
        void stackUserTypeUnderAnyExtensionSetsTheRoleAndWinsOverUserType(String urn) {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "userType", "Member", urn,
                    roleExtension("moderator")), Optional.empty());

            assertThat(replaced.role()).isEqualTo(Role.MODERATOR);
        }

        @Test
        void stackUserTypeAtTopLevelSetsTheRole() {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "stackUserType", "Admin"), Optional.empty());

            assertThat(replaced.role()).isEqualTo(Role.ADMIN);
        }

        @Test
        void anUnknownRoleValueIsInvalidValueNamingTheAllowedOnesWhenRolesAreManaged() {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann"));

            ScimException invalid = failure(ScimErrorType.INVALID_VALUE,
                    () -> scim.replace(SITE, "u-1", body("ann", "userType", "Boss"), Optional.empty()));

            assertThat(invalid.detail()).contains("Boss").contains("Registered, Moderator or Admin");
            assertThat(fixture.stored("u-1").version()).isEqualTo(1);
        }

        @Test
        void anUnknownRoleValueIsOnlyRecordedWhenRolesAreNotManaged() {
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "userType", "Member"), Optional.empty());

            assertThat(replaced.role()).isEqualTo(Role.REGISTERED);
            assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("role-ignored");
        }

        @Test
        void aPutThatChangesNothingNeitherBumpsTheVersionNorWritesAnAuditRecord() {
            User ann = fixture.given(user("u-1", "ann").externalId("ext-1").idpActive(true).role(Role.MODERATOR)
                    .name("Ann", "Lee").email("ann@example.com").other("title", "Engineer"));
            fixture.manageRoles(true);
            fixture.clock.advance(Duration.ofHours(1));

            User replaced = scim.replace(SITE, "u-1", UserResources.toScim(ann), Optional.empty());

            assertThat(replaced).isEqualTo(ann);
            assertThat(fixture.stored("u-1")).isEqualTo(ann);
            assertThat(fixture.audit.all()).isEmpty();
        }

        @Test
        void aPutConfirmingTheStatusRecordsWhatTheIdpAssertedWithoutAnAuditRecord() {
            fixture.given(user("u-1", "ann").lastChangedBy(ChangeSource.SIGN_IN));

            User replaced = scim.replace(SITE, "u-1", body("ann", "active", true), Optional.empty());

            assertThat(replaced.idpActive()).contains(true);
            assertThat(replaced.lastChangedBy()).isEqualTo(ChangeSource.SIGN_IN);
            assertThat(fixture.audit.all()).isEmpty();
        }

        @Test
        void everyChangeBumpsTheVersionAndStampsTheTimeToTheMillisecond() {
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "displayName", "Ann"), Optional.empty());

            assertThat(replaced.version()).isEqualTo(2);
            assertThat(replaced.lastModified()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MILLIS));
            assertThat(fixture.auditOf("u-1")).singleElement().satisfies(record -> {
                assertThat(record.action()).isEqualTo("profile");
                assertThat(record.detail()).contains("displayName");
                assertThat(record.at()).isEqualTo(replaced.lastModified());
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"W/\"1\"", "\"1\"", "*", "W/\"7\", W/\"1\""})
        void aMatchingIfMatchLetsTheChangeThrough(String ifMatch) {
            fixture.given(user("u-1", "ann"));

            User replaced = scim.replace(SITE, "u-1", body("ann", "displayName", "Ann"), Optional.of(ifMatch));

            assertThat(replaced.version()).isEqualTo(2);
        }

        @Test
        void aStaleIfMatchIsPreconditionFailed() {
            fixture.given(user("u-1", "ann").version(3));

            failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.replace(SITE, "u-1", body("ann",
                    "displayName", "Ann"), Optional.of("W/\"2\"")));
            assertThat(fixture.stored("u-1").version()).isEqualTo(3);
        }

        @Test
        void aMalformedIfMatchIsABadRequest() {
            fixture.given(user("u-1", "ann"));

            failure(ScimErrorType.BAD_REQUEST, () -> scim.replace(SITE, "u-1", body("ann"), Optional.of("1")));
        }

        @Test
        void renamingToATakenUserNameIsAUniquenessConflict() {
            fixture.given(user("u-1", "ann"));
            fixture.given(user("u-2", "bob"));

            failure(ScimErrorType.UNIQUENESS, () -> scim.replace(SITE, "u-1", body("BOB"), Optional.empty()));
        }

        @Test
        void aDeletedUserCannotBeReplaced() {
            fixture.given(user("u-1", "ann").active(false).hidden(true));

            failure(ScimErrorType.NOT_FOUND, () -> scim.replace(SITE, "u-1", body("ann"), Optional.empty()));
        }
    }

    @Nested
    class Deleting {

        @Test
        void deleteKeepsTheUserButDeactivatesAndHidesIt() {
            fixture.given(user("u-1", "ann"));

            scim.delete(SITE, "u-1", Optional.empty());

            User stored = fixture.stored("u-1");
            assertThat(stored.hidden()).isTrue();
            assertThat(stored.active()).isFalse();
            assertThat(stored.idpActive()).contains(false);
            failure(ScimErrorType.NOT_FOUND, () -> scim.get(SITE, "u-1"));
            assertThat(scim.search(SITE, SearchRequest.all()).totalResults()).isZero();
            assertThat(fixture.events.kinds()).containsExactly(Kind.DEACTIVATED);
            assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).contains("delete", "deactivate");
        }

        @Test
        void deletingADeletedUserIsNotFound() {
            fixture.given(user("u-1", "ann"));
            scim.delete(SITE, "u-1", Optional.empty());

            failure(ScimErrorType.NOT_FOUND, () -> scim.delete(SITE, "u-1", Optional.empty()));
        }

        @Test
        void deleteHonoursIfMatch() {
            fixture.given(user("u-1", "ann").version(2));

            failure(ScimErrorType.PRECONDITION_FAILED, () -> scim.delete(SITE, "u-1", Optional.of("W/\"1\"")));
            assertThat(fixture.stored("u-1").hidden()).isFalse();
        }

        @Test
        void anAdminRestoreBringsADeletedUserBack() {
            fixture.given(user("u-1", "ann"));
            scim.delete(SITE, "u-1", Optional.empty());

            fixture.admin().restore(SITE, "u-1");

            assertThat(scim.get(SITE, "u-1").active()).isFalse();
            assertThat(scim.search(SITE, SearchRequest.all()).users()).extracting(User::id).containsExactly("u-1");
        }
    }

    @Nested
    class LastAdmin {

        @Test
        void theLastActiveAdminCannotBeDeactivatedOverScim() {
            fixture.given(user("u-1", "ann").role(Role.ADMIN));
            fixture.given(user("u-2", "bob").role(Role.ADMIN).active(false));

            ScimException refused = failure(ScimErrorType.CONFLICT,
                    () -> scim.replace(SITE, "u-1", body("ann", "active", false), Optional.empty()));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.detail()).contains("last active Admin").contains("deactivated");
            assertThat(fixture.stored("u-1").active()).isTrue();
        }

        @Test
        void theLastActiveAdminCannotBeDeletedOverScim() {
            fixture.given(user("u-1", "ann").role(Role.ADMIN));

            ScimException refused = failure(ScimErrorType.CONFLICT, () -> scim.delete(SITE, "u-1", Optional.empty()));

            assertThat(refused.detail()).contains("deleted");
            assertThat(fixture.stored("u-1").hidden()).isFalse();
        }

        @Test
        void theLastActiveAdminCannotBeDemotedOverScim() {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann").role(Role.ADMIN));

            ScimException refused = failure(ScimErrorType.CONFLICT,
                    () -> scim.replace(SITE, "u-1", body("ann", "userType", "Moderator"), Optional.empty()));

            assertThat(refused.detail()).contains("demoted");
        }

        @Test
        void withTwoActiveAdminsOneMayGo() {
            fixture.manageRoles(true);
            fixture.given(user("u-1", "ann").role(Role.ADMIN));
            fixture.given(user("u-2", "bob").role(Role.ADMIN));
            fixture.given(user("u-3", "cid").role(Role.ADMIN));

            scim.replace(SITE, "u-1", body("ann", "active", false), Optional.empty());
            scim.replace(SITE, "u-2", body("bob", "userType", "Registered"), Optional.empty());

            assertThat(fixture.stored("u-1").active()).isFalse();
            assertThat(fixture.stored("u-2").role()).isEqualTo(Role.REGISTERED);
            failure(ScimErrorType.CONFLICT, () -> scim.delete(SITE, "u-3", Optional.empty()));
        }
    }
}
