package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.SITE;
import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SignInOutcome;
import dev.roster.scim.core.port.in.SsoAssertion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

class JitSignInServiceTest {

    private final Fixture fixture = new Fixture();
    private final JitSignInService jit = fixture.jit();

    @Test
    void theFirstSignInCreatesAnActiveRegisteredUserWithAPrimaryWorkEmail() {
        SignInOutcome outcome = jit.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee"));

        User ann = outcome.user();
        assertThat(outcome.created()).isTrue();
        assertThat(fixture.stored(ann.id())).isEqualTo(ann);
        assertThat(ann.userName()).isEqualTo("ann");
        assertThat(ann.active()).isTrue();
        assertThat(ann.role()).isEqualTo(Role.REGISTERED);
        assertThat(ann.emails()).containsExactly(new Email("ann@example.com", Optional.of("work"), true,
                Optional.empty()));
        assertThat(ann.name().givenName()).contains("Ann");
        assertThat(ann.name().familyName()).contains("Lee");
        assertThat(ann.claimedByIdp()).isFalse();
        assertThat(ann.idpActive()).isEmpty();
        assertThat(ann.lastChangedBy()).isEqualTo(ChangeSource.SIGN_IN);
        assertThat(fixture.auditOf(ann.id())).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("create");
            assertThat(record.source()).isEqualTo(ChangeSource.SIGN_IN);
        });
    }

    @Test
    void signingInManyCreatesOnlyTheUnknownUsersAsAFirstSignInWould() {
        User ann = jit.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee")).user();

        int created = jit.signInAll(SITE, List.of(
                SsoAssertion.of("ANN", "other@example.com", null, null),
                SsoAssertion.of("bob", "bob@example.com", "Bob", "Ray"),
                SsoAssertion.of("Bob", "bob2@example.com", null, null),
                SsoAssertion.of("cai", null, null, null)));

        assertThat(created).isEqualTo(2);
        assertThat(fixture.stored(ann.id())).isEqualTo(ann);
        assertThat(fixture.users.all(SITE)).extracting(User::userName).containsExactlyInAnyOrder("ann", "bob", "cai");
        User bob = fixture.users.all(SITE).stream().filter(user -> user.userName().equals("bob")).findFirst()
                .orElseThrow();
        assertThat(bob.active()).isTrue();
        assertThat(bob.role()).isEqualTo(Role.REGISTERED);
        assertThat(bob.emails()).containsExactly(Email.primaryWork("bob@example.com"));
        assertThat(fixture.auditOf(bob.id())).singleElement()
                .satisfies(record -> assertThat(record.action()).isEqualTo("create"));
    }

    @Test
    void signingInManyNeedsSso() {
        fixture.sites.update(fixture.settings().withSsoConfigured(false).withScimEnabled(false));

        failure(ScimErrorType.CONFLICT, () -> jit.signInAll(SITE, List.of(SsoAssertion.of("ann", null, null, null))));
        assertThat(fixture.users.all(SITE)).isEmpty();
    }

    @Test
    void aSiteWithoutSsoRefusesSignInWithAConflict() {
        fixture.sites.update(fixture.settings().withSsoConfigured(false).withScimEnabled(false));

        failure(ScimErrorType.CONFLICT, () -> jit.signIn(SITE, SsoAssertion.of("ann", null, null, null)));
        assertThat(fixture.users.all(SITE)).isEmpty();
    }

    @Test
    void anUnknownSiteIsNotFound() {
        failure(ScimErrorType.NOT_FOUND, () -> jit.signIn(SiteId.of("nowhere"), SsoAssertion.of("ann", null, null,
                null)));
    }

    @Test
    void aLaterSignInRefreshesTheEmailAndNameTheIdpChanged() {
        User ann = jit.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee")).user();
        fixture.clock.advance(Duration.ofDays(1));

        SignInOutcome later = jit.signIn(SITE, SsoAssertion.of("ANN", "ann.smith@example.com", "Ann", "Smith"));

        assertThat(later.created()).isFalse();
        assertThat(later.user().id()).isEqualTo(ann.id());
        assertThat(later.user().emails()).extracting(Email::value).containsExactly("ann.smith@example.com");
        assertThat(later.user().name().familyName()).contains("Smith");
        assertThat(later.user().version()).isEqualTo(2);
        assertThat(fixture.auditOf(ann.id())).extracting(AuditRecord::action).containsExactly("create", "profile");
    }

    @Test
    void aSignInThatBringsNothingNewWritesNothing() {
        User ann = jit.signIn(SITE, SsoAssertion.of("ann", "ann@example.com", "Ann", "Lee")).user();

        SignInOutcome again = jit.signIn(SITE, SsoAssertion.of("ann", "ANN@example.com", null, null));

        assertThat(again.user()).isEqualTo(ann);
        assertThat(fixture.auditOf(ann.id())).hasSize(1);
    }

    @Test
    void aSignInKeepsTheOtherEmailsTheIdpProvisioned() {
        fixture.given(user("u-1", "ann")
                .email(new Email("ann@old.example", Optional.of("work"), true, Optional.empty()))
                .email(new Email("ann@home.example", Optional.of("home"), false, Optional.empty())));

        User ann = jit.signIn(SITE, SsoAssertion.of("ann", "ann@new.example", null, null)).user();

        assertThat(ann.emails()).containsExactly(
                new Email("ann@new.example", Optional.of("work"), true, Optional.empty()),
                new Email("ann@home.example", Optional.of("home"), false, Optional.empty()));
    }

    @Test
    void aDeactivatedUserCannotSignIn() {
        fixture.given(user("u-1", "ann").active(false));

        ScimException refused = failure(ScimErrorType.FORBIDDEN,
                () -> jit.signIn(SITE, SsoAssertion.of("ann", null, null, null)));

        assertThat(refused.detail()).contains("deactivated");
    }

    @Test
    void aRefusedSignInIsAuditedWithTheReasonAndChangesNothing() {
        User ann = fixture.given(user("u-1", "ann").active(false));
        int rollbacks = fixture.transactions.rollbacks();

        ScimException refused = failure(ScimErrorType.FORBIDDEN,
                () -> jit.signIn(SITE, SsoAssertion.of("ann", "ann@new.example", "Ann", null)));

        assertThat(fixture.stored("u-1")).as("not even the name and email are refreshed").isEqualTo(ann);
        assertThat(fixture.auditOf("u-1")).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("sign-in-refused");
            assertThat(record.source()).isEqualTo(ChangeSource.SIGN_IN);
            assertThat(record.before()).isEmpty();
            assertThat(record.after()).isEmpty();
            assertThat(record.detail()).isEqualTo("Refused at SSO sign-in: " + refused.detail());
        });
        assertThat(fixture.transactions.rollbacks()).as("the record commits although the sign-in fails")
                .isEqualTo(rollbacks);
        assertThat(fixture.events.events()).isEmpty();
    }

    @Test
    void aUserTheIdpDeletedCannotSignIn() {
        fixture.given(user("u-1", "ann").active(false).hidden(true));

        ScimException refused = failure(ScimErrorType.FORBIDDEN,
                () -> jit.signIn(SITE, SsoAssertion.of("ann", null, null, null)));

        assertThat(fixture.users.all(SITE)).hasSize(1);
        assertThat(fixture.auditOf("u-1")).extracting(AuditRecord::action).containsExactly("sign-in-refused");
        assertThat(fixture.auditOf("u-1").get(0).detail()).contains(refused.detail());
    }

    @Test
    void aUserTheIdpProvisionedSignsInAsThemselves() {
        fixture.given(user("u-1", "Ann.Lee@Example.com").claimedByIdp(true).role(Role.ADMIN));

        SignInOutcome outcome = jit.signIn(SITE, SsoAssertion.of("ann.lee@example.com", null, null, null));

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.user().id()).isEqualTo("u-1");
        assertThat(outcome.user().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void twoSimultaneousFirstSignInsMakeOneUser() {
        // The other sign-in inserts the user between this one's lookup and its insert.
        JitSignInService service = new JitSignInService(fixture.portsWhereAnotherInsertWins(
                mine -> user("other", mine.userName()).build()));

        SignInOutcome outcome = service.signIn(SITE, SsoAssertion.of("ann", null, null, null));

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.user().id()).isEqualTo("other");
        assertThat(fixture.users.all(SITE)).hasSize(1);
    }
}
