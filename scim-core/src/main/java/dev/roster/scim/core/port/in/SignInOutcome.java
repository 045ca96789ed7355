package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.User;

import java.util.Objects;

/**
 * The result of {@link JitSignIn#signIn}: the signed-in user, and whether this sign-in created it.
 *
 * <pre>{@code
 * if (jitSignIn.signIn(site, assertion).created()) { welcome(...); }
 * }</pre>
 *
 * @param user    the user as stored after the sign-in: an active account
 * @param created true when this sign-in created the account: a first sign-in, or the first sign-in of a pending
 *                identity the IdP provisioned; false for a returning user
 */
public record SignInOutcome(User user, boolean created) {

    /**
     * An outcome, checked.
     *
     * @param user    the signed-in user
     * @param created whether this sign-in created the account
     * @throws NullPointerException if {@code user} is null
     */
    public SignInOutcome {
        Objects.requireNonNull(user, "user");
    }
}
