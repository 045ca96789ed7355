package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

class LocalChangesTest {

    @Test
    void aLocalReactivationWinsAndLeavesWhatTheIdpSaidSoItShowsAsDrift() {
        User deactivatedByIdp = user("u1", "ann").active(false).idpActive(false).build();

        User reactivated = LocalChanges.reactivated(deactivatedByIdp);

        assertThat(reactivated.active()).isTrue();
        assertThat(reactivated.idpActive()).contains(false);
        assertThat(reactivated.drifted()).isTrue();
    }

    @Test
    void aLocalDeactivationAndRoleChangeApplyToAnAccount() {
        User ann = user("u1", "ann").idpActive(true).build();

        assertThat(LocalChanges.deactivated(ann).active()).isFalse();
        assertThat(LocalChanges.deactivated(ann).idpActive()).contains(true);
        assertThat(LocalChanges.withRole(ann, Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aPendingIdentityHasNoAccountToChangeOrRestore() {
        User pending = user("u1", "ann").pending(true).build();

        for (UnaryOperator<User> change : List.<UnaryOperator<User>>of(LocalChanges::deactivated,
                LocalChanges::reactivated, user -> LocalChanges.withRole(user, Role.ADMIN), LocalChanges::restored)) {
            assertConflict(() -> change.apply(pending), "has not signed in yet");
        }
    }

    @Test
    void aUserTheIdpDeletedIsRestoredBeforeItIsChanged() {
        User deleted = user("u1", "ann").hidden(true).active(false).build();

        assertConflict(() -> LocalChanges.reactivated(deleted), "restore them first");
        User restored = LocalChanges.restored(deleted);
        assertThat(restored.hidden()).isFalse();
        assertThat(restored.active()).isFalse();
        assertThat(LocalChanges.reactivated(restored).active()).isTrue();
    }

    private static void assertConflict(Runnable change, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT);
            assertThat(e.detail()).contains(detail);
        });
    }
}
