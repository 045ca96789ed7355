package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.User;

import java.util.Objects;

/**
 * The result of {@link JitSignIn#signIn}: the signed-in user, and whether this sign-in created it.
 *
 * <pre>{@code
 * if (jitSignIn.signIn(site, assertion).created()) { welcome(...); }
 * }</pre>
 */
public record SignInOutcome(User user, boolean created) {

    public SignInOutcome {
        Objects.requireNonNull(user, "user");
    }
}
