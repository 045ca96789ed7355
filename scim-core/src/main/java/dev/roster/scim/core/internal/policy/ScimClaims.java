package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserProfile;

import java.util.Optional;

/**
 * What an IdP's SCIM write may do to the users it names (ADR 009, 012): a {@code POST} of a userName a stored user
 * holds links that user instead of creating one, unless an IdP already claimed it; a {@code POST} of a new
 * userName follows the site's {@link CreationPolicy}; a {@code DELETE} erases a pending identity (nobody's account)
 * and hides an account. {@code ScimUsersService} only orchestrates: it finds the user, asks here, and writes what it
 * is told.
 */
public final class ScimClaims {

    private ScimClaims() {
    }

    /**
     * The stored user a {@code POST} of their userName links: an IdP claims a user that signed in first, or
     * provisions again a user it deleted.
     *
     * @param current the stored user with the POSTed userName
     * @param profile what the IdP POSTed
     * @return the user with the IdP's profile, claimed by the IdP and visible
     * @throws ScimException {@code 409 uniqueness} if an IdP already claimed the user and did not delete it, a
     *                       pending identity included: the {@code POST} is a duplicate
     */
    public static User linked(User current, UserProfile profile) {
        if (current.claimedByIdp() && !current.hidden()) {
            throw ScimException.uniqueness("A user with userName '" + current.userName() + "' already exists.");
        }
        return profile.applyTo(current).withClaimedByIdp(true).withHidden(false);
    }

    /**
     * Whether a {@code POST} of a userName no user holds stores a pending identity ({@code true}) or an account
     * ({@code false}) under the site's creation policy. The userName is checked first, so that an IdP that sends a
     * refused name learns what to fix, not that it may not create.
     *
     * @param policy   the creation policy that applies to the site
     * @param userName the POSTed userName
     * @return whether to store a pending identity rather than an account
     * @throws ScimException {@code 400 invalidValue} if the identifier profile (ADR 014) refuses the userName;
     *                       {@code 403} where the site creates users only at their first SSO sign-in
     */
    public static boolean createsPending(CreationPolicy policy, String userName) {
        IdentifierProfile.requireAcceptable("userName", userName);
        return switch (policy) {
            case PENDING -> true;
            // 403 without scimType: IdPs treat 5xx and 429 as transient and retry them, a 403 as final; the
            // detail is what the IdP admin reads in the provisioning log.
            case JIT_ONLY -> throw ScimException.forbidden("This site does not create users over SCIM: '"
                    + userName + "' is created at their first SSO sign-in. After that, the "
                    + "identity provider can link and manage them.");
            case ALLOW -> false;
        };
    }

    /**
     * A new user as the IdP asserted it: claimed by the IdP, a pending identity if {@code pending}.
     *
     * @param fresh   a new user with the POSTed userName
     * @param profile what the IdP POSTed
     * @param pending whether the user is a pending identity ({@link #createsPending})
     * @return the user to store, before the provisioning policy reads its status and role
     */
    public static User provisioned(User fresh, UserProfile profile, boolean pending) {
        return profile.applyTo(fresh).withClaimedByIdp(true).withPending(pending);
    }

    /**
     * What a SCIM {@code DELETE} leaves of the user: nothing (empty, erase it) for a pending identity, which holds
     * no account; else the user hidden and inactive, with the IdP asserting inactive, so that a later local
     * reactivation shows as drift.
     *
     * @param current the user as stored
     * @return the user to store, or empty to erase it
     */
    public static Optional<User> afterDelete(User current) {
        if (current.pending()) {
            return Optional.empty();
        }
        return Optional.of(current.withActive(false).withHidden(true).withIdpActive(Optional.of(false)));
    }
}
