package dev.roster.scim.core.internal.policy;

import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

class LastAdminGuardTest {

    private final User admin = user("u-1", "ann").role(Role.ADMIN).build();

    private static void assertRefused(User before, User after, String verb) {
        assertThatThrownBy(() -> LastAdminGuard.check(before, after, () -> 1))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.CONFLICT);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("'ann'").contains("last active Admin").contains(verb)
                            .contains("make another user an active Admin first");
                });
    }

    @Test
    void theLastActiveAdminCannotBeDeactivated() {
        assertRefused(admin, admin.withActive(false), "deactivated");
    }

    @Test
    void theLastActiveAdminCannotBeDeleted() {
        assertRefused(admin, admin.withActive(false).withHidden(true), "deleted");
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        assertRefused(admin, admin.withRole(Role.MODERATOR), "demoted");
    }

    @Test
    void anAdminMayGoWhileAnotherActiveAdminRemains() {
        assertThatCode(() -> LastAdminGuard.check(admin, admin.withActive(false), () -> 2)).doesNotThrowAnyException();
    }

    @Test
    void changesThatKeepAnActiveAdminDoNotCount() {
        AtomicInteger counted = new AtomicInteger();

        LastAdminGuard.check(admin, admin.withProfile("ANN", admin.externalId(), admin.displayName(), admin.name(),
                admin.emails(), admin.otherAttributes()), counted::incrementAndGet);
        LastAdminGuard.check(user("u-2", "bob").build(), user("u-2", "bob").active(false).build(),
                counted::incrementAndGet);
        LastAdminGuard.check(user("u-3", "cid").role(Role.ADMIN).active(false).build(),
                user("u-3", "cid").role(Role.REGISTERED).active(false).build(), counted::incrementAndGet);

        assertThat(counted).hasValue(0);
    }
}
