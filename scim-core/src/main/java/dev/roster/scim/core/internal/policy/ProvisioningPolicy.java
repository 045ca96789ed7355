package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;

import java.util.Optional;

/**
 * Turns what a SCIM request asserted into domain changes, under the site's settings:
 * <ul>
 *   <li>{@code active: false} deactivates, {@code active: true} reactivates, and the asserted value is recorded as
 *       the status the IdP last asserted ({@code idpActive}), so drift from local administration can be shown;</li>
 *   <li>a role value ({@code stackUserType}, else {@code userType}; {@code Registered}, {@code Moderator} or
 *       {@code Admin} in any case) sets the role only when the site lets SCIM manage roles. Otherwise the role stays
 *       as it is, the request still succeeds and the decision says what was ignored;</li>
 *   <li>an unknown role value is {@code 400 invalidValue} naming the allowed values, but only when roles are
 *       managed: a site that does not manage roles has no use for the value, and Entra ID sends its own
 *       {@code userType} values ({@code Member}, {@code Guest}) that must not break its requests;</li>
 *   <li>an absent value asserts nothing and changes nothing. For a PATCH, callers pass only what the operations
 *       themselves set (see {@code ScimUsersService}).</li>
 * </ul>
 * The last-admin rule is {@link LastAdminGuard}'s: it needs to count the site's admins.
 *
 * <pre>{@code
 * ProvisioningDecision decision = ProvisioningPolicy.decide(profile.applyTo(current),
 *         ScimAssertions.of(canonical), settings);
 * }</pre>
 */
public final class ProvisioningPolicy {

    private ProvisioningPolicy() {
    }

    /** The user with the asserted status and (if managed) role applied. */
    public static ProvisioningDecision decide(User user, ScimAssertions asserted, SiteSettings settings) {
        User result = user;
        if (asserted.active().isPresent()) {
            boolean active = asserted.active().get();
            result = result.withActive(active).withIdpActive(Optional.of(active));
        }
        Optional<String> ignored = Optional.empty();
        Optional<String> roleValue = asserted.roleValue();
        if (roleValue.isPresent()) {
            if (settings.manageRoles()) {
                result = result.withRole(roleOf(roleValue.get(), asserted.roleAttribute()));
            } else if (!roleValue.get().strip().equalsIgnoreCase(user.role().scimValue())) {
                ignored = Optional.of("The " + asserted.roleAttribute() + " value '" + roleValue.get()
                        + "' was ignored: this site does not let SCIM manage roles, so the role stays "
                        + user.role().scimValue() + ".");
            }
        }
        return new ProvisioningDecision(result, ignored);
    }

    /**
     * The role a pending identity's first SSO sign-in gives: the one the IdP set where the site lets SCIM manage
     * roles, Registered where it does not. While roles are not managed, a pending identity holds no other role
     * (values arriving then are ignored, and the site's turning role management off drops held ones), so that its
     * SCIM representation shows what the person would get (ADR 012).
     */
    public static Role roleAtFirstSignIn(User pending, SiteSettings settings) {
        return settings.manageRoles() ? pending.role() : Role.REGISTERED;
    }

    /** The role a SCIM value names; {@code 400 invalidValue} naming the allowed values for anything else. */
    public static Role roleOf(String value, String attribute) {
        return Role.fromScimValue(value).orElseThrow(() -> ScimException.invalidValue("The " + attribute
                + " value '" + value + "' is not a role of this site; use Registered, Moderator or Admin."));
    }
}
