package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SsoAssertion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class SignInPolicyTest {

    private static final SiteSettings SITE = SiteSettings.newSite(SiteId.of("acme")).withSsoConfigured(true);
    private static final SsoAssertion ANN = SsoAssertion.of("ann", "ann@new.example.com", "Ann", "Smith");

    @Test
    void anActiveVisibleUserMaySignIn() {
        assertThat(SignInPolicy.refusal(user("u1", "ann").build())).isEmpty();
        assertThat(SignInPolicy.refusal(user("u1", "ann").pending(true).build())).isEmpty();
    }

    @Test
    void deactivatedRemovedAndDeactivatedPendingUsersAreRefusedWithWhoCanUndoIt() {
        assertRefused(user("u1", "ann").active(false).build(), "a site admin or the identity provider");
        assertRefused(user("u1", "ann").hidden(true).build(), "a site admin can restore");
        assertRefused(user("u1", "ann").pending(true).active(false).build(), "No account was created");
    }

    @Test
    void aFirstSignInKeepsTheProvisionedRoleOnlyWhereScimManagesRoles() {
        User pending = user("u1", "ann").pending(true).role(Role.MODERATOR).build();

        User managed = SignInPolicy.claim(pending, ANN, SITE.withManageRoles(true));
        User unmanaged = SignInPolicy.claim(pending, ANN, SITE.withManageRoles(false));

        assertThat(managed.pending()).isFalse();
        assertThat(managed.role()).isEqualTo(Role.MODERATOR);
        assertThat(unmanaged.role()).isEqualTo(Role.REGISTERED);
        assertThat(managed.id()).isEqualTo("u1");
    }

    @Test
    void aNewAddressReplacesThePreferredEmailAndAKnownOneChangesNothing() {
        User provisioned = user("u1", "ann").email(new Email("ann@old.example.com", Optional.of("home"), true,
                Optional.empty())).email("ann@other.example.com").build();

        User refreshed = SignInPolicy.refreshed(provisioned, ANN);
        User again = SignInPolicy.refreshed(provisioned,
                SsoAssertion.of("ann", "ANN@other.example.com", "Ann", "Smith"));

        assertThat(refreshed.emails()).extracting(Email::value)
                .containsExactly("ann@new.example.com", "ann@other.example.com");
        assertThat(refreshed.emails().get(0).type()).contains("home");
        assertThat(refreshed.name().givenName()).contains("Ann");
        assertThat(again.emails()).isEqualTo(provisioned.emails());
    }

    @Test
    void anAssertionWithoutValuesLeavesTheUserAsItIs() {
        User stored = user("u1", "ann").email("ann@example.com").name("Ann", "Smith").build();

        User refreshed = SignInPolicy.refreshed(stored, new SsoAssertion("ann", Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(refreshed.emails()).isEqualTo(stored.emails());
        assertThat(refreshed.name()).isEqualTo(stored.name());
        assertThat(List.of(refreshed.active(), refreshed.pending())).containsExactly(true, false);
    }

    private static void assertRefused(User user, String detail) {
        Optional<ScimException> refusal = SignInPolicy.refusal(user);
        assertThat(refusal).isPresent();
        assertThat(refusal.get().type()).isEqualTo(ScimErrorType.FORBIDDEN);
        assertThat(refusal.get().detail()).contains(detail);
    }
}
