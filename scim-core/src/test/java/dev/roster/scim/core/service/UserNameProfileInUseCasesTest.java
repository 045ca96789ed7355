package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.core.service.Fixture.json;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

/** Every use case that gives a user a userName asks the identifier profile (ADR 014), and only then. */
class UserNameProfileInUseCasesTest {

    private final Fixture fixture = new Fixture();

    @Test
    void aSignInAsADotlessIDoesNotLandInTheAccountOfTheDottedOne() {
        User ian = fixture.jit().signIn(SITE, SsoAssertion.of("ian@example.com", null, null, null)).user();

        SignInOutcome lookAlike = fixture.jit().signIn(SITE, SsoAssertion.of("\u0131an@example.com", null, null, null));

        assertThat(lookAlike.created()).isTrue();
        assertThat(lookAlike.user().id()).isNotEqualTo(ian.id());
    }

    @Test
    void aSignInInOtherCaseOrWidthIsTheSamePerson() {
        User ian = fixture.jit().signIn(SITE, SsoAssertion.of("ian@example.com", null, null, null)).user();

        assertThat(fixture.jit().signIn(SITE, SsoAssertion.of("IAN@Example.com", null, null, null)).user().id())
                .isEqualTo(ian.id());
        assertThat(fixture.jit().signIn(SITE, SsoAssertion.of("\uff49\uff41\uff4e@example.com", null, null, null))
                .user().id()).isEqualTo(ian.id());
    }

    @Test
    void aSignInWithARefusedNameIsAnInvalidValueAndWritesNothing() {
        for (String refused : List.of("\u0430nn@example.com", "ann\u0000", "ann\u200b", "\u212aim", "\u0130an")) {
            failure(ScimErrorType.INVALID_VALUE, () -> fixture.jit().signIn(SITE,
                    SsoAssertion.of(refused, null, null, null)));
        }
        assertThat(fixture.users.all(SITE)).isEmpty();
        assertThat(fixture.audit.all()).isEmpty();
    }

    @Test
    void aStoredNameTheProfileNowRefusesCannotSignIn() {
        fixture.given(user("u-1", "\u0430nn"));

        failure(ScimErrorType.INVALID_VALUE, () -> fixture.jit().signIn(SITE,
                SsoAssertion.of("\u0430nn", null, null, null)));
    }

    @Test
    void signingInManyRefusesTheBatchWithARefusedName() {
        failure(ScimErrorType.INVALID_VALUE, () -> fixture.jit().signInAll(SITE, List.of(
                SsoAssertion.of("ann", null, null, null), SsoAssertion.of("b\u043eb", null, null, null))));

        assertThat(fixture.users.all(SITE)).isEmpty();
    }

    @Test
    void aScimPostWithARefusedNameIsAnInvalidValueEvenWhereScimMayNotCreate() {
        var e = failure(ScimErrorType.INVALID_VALUE, () -> fixture.scim().create(SITE, json("userName", "ann\u0000")));

        assertThat(e.detail()).contains("U+0000 NULL").doesNotContain("\u0000");
        failure(ScimErrorType.INVALID_VALUE, () -> fixture.scim(CreationPolicy.ALLOW).create(SITE,
                json("userName", "\u202eann")));
        assertThat(fixture.users.all(SITE)).isEmpty();
    }

    @Test
    void aScimPostInFullWidthLinksTheUserWhoSignedIn() {
        User ian = fixture.jit().signIn(SITE, SsoAssertion.of("ian@example.com", null, null, null)).user();

        var outcome = fixture.scim().create(SITE, json("userName", "\uff29\uff21\uff2e@example.com"));

        assertThat(outcome.user().id()).isEqualTo(ian.id());
    }

    @Test
    void renamingToARefusedNameIsRefusedOverPutAndPatch() {
        User ann = fixture.given(user("u-1", "ann"));

        failure(ScimErrorType.INVALID_VALUE, () -> fixture.scim().replace(SITE, ann.id(),
                json("userName", "\u0430nn"), Optional.empty()));
        failure(ScimErrorType.INVALID_VALUE, () -> fixture.scim().patch(SITE, ann.id(),
                replace("userName", "ann\u2066"), Optional.empty()));
        assertThat(fixture.stored(ann.id())).isEqualTo(ann);
    }

    @Test
    void aStoredNameTheProfileNowRefusesMayStillBeDeactivatedAndRenamed() {
        User legacy = fixture.given(user("u-1", "\u0430nn").claimedByIdp(true));

        User deactivated = fixture.scim().replace(SITE, legacy.id(),
                json("userName", "\u0410NN", "active", false), Optional.empty());
        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.userName()).isEqualTo("\u0410NN");

        User renamed = fixture.scim().replace(SITE, legacy.id(), json("userName", "ann.c"), Optional.empty());
        assertThat(renamed.userName()).isEqualTo("ann.c");
    }

    @Test
    void aPatchOfActiveAloneDeactivatesAUserWhoseStoredNameTheProfileNowRefuses() {
        List<String> legacyNames = List.of("\u0430nn", "o\ufb03ce", "\u212aim", "\u017fam", "ann\u200b", "henry\u2163",
                "\u0130an", "ann\u0000", "\u01c5ab");
        for (int i = 0; i < legacyNames.size(); i++) {
            assertThat(IdentifierProfile.refusal(legacyNames.get(i))).as(legacyNames.get(i)).isPresent();
            User legacy = fixture.given(user("legacy-" + i, legacyNames.get(i)).claimedByIdp(true));

            User deactivated = fixture.scim().patch(SITE, legacy.id(), replace("active", false), Optional.empty());

            assertThat(deactivated.active()).as(legacyNames.get(i)).isFalse();
            assertThat(deactivated.userName()).isEqualTo(legacyNames.get(i));
        }
    }

    @Test
    void theAdminSearchComparesUserNamesByTheirKeys() {
        fixture.given(user("u-1", "ian"));
        fixture.given(user("u-2", "\u0131an"));

        List<String> found = fixture.admin().users(SITE, SearchRequest.filtered("userName eq \"\uff29AN\""))
                .users().stream().map(User::id).toList();

        assertThat(found).containsExactly("u-1");
    }

    /** A PatchOp body of one {@code replace} of {@code path} by {@code value}. */
    private static ScimObject replace(String path, Object value) {
        return json("schemas", new ScimArray(List.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"))),
                "Operations", new ScimArray(List.of(json("op", "replace", "path", path, "value", value))));
    }
}
