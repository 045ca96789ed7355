package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SettingsChange;

/**
 * What a site admin's change of the site's settings does (ADR 009, 012): the SCIM settings (SCIM on, role
 * management, the creation policy) "become available only after you've set up SSO", SCIM tokens too, and turning
 * role management off drops the roles pending identities hold. {@code SiteAdministrationService} reads the site,
 * asks here, and writes and audits what it is told.
 */
public final class SiteSettingsPolicy {

    /** The pending identities that hold a role their first sign-in would not give once roles are not managed. */
    public static final Filter HELD_ROLES = Filter.compare(AttrPath.of("userType"), CompareOp.NE,
            CompValue.of(Role.REGISTERED.scimValue()));

    /** Why a pending identity's role was dropped, for its audit record. */
    public static final String ROLE_DROPPED = "The site no longer lets SCIM manage roles, so the role the identity "
            + "provider sent is not kept: their first SSO sign-in gives Registered.";

    private SiteSettingsPolicy() {
    }

    /**
     * The settings after {@code change}. Turning SSO off turns SCIM and role management off with it instead of
     * being refused: without SSO nobody can sign in, so users SCIM manages would be unusable, and refusing would
     * only make the admin take two steps. Asking for SCIM or role management on, or for another creation policy,
     * without SSO, in the same change or later, is refused. Turning SSO off keeps the creation policy (it acts only
     * while SCIM is on), and restating the policy that applies is no change, as asking for SCIM off is. A site
     * without a policy of its own keeps following the default until an admin chooses one. Rate limits are no SCIM
     * setting: they are set and cleared with or without SSO.
     *
     * @param current         the settings as stored
     * @param change          what the admin asked for
     * @param defaultCreation the creation policy of sites whose settings hold none
     * @return the settings to store (equal to {@code current} when the change changes nothing)
     * @throws ScimException {@code 409} for a SCIM setting asked for without SSO
     */
    public static SiteSettings updated(SiteSettings current, SettingsChange change, CreationPolicy defaultCreation) {
        boolean sso = change.ssoConfigured().orElse(current.ssoConfigured());
        boolean scim = change.scimEnabled().orElse(current.scimEnabled() && sso);
        boolean roles = change.manageRoles().orElse(current.manageRoles() && sso);
        boolean otherPolicy = change.creationPolicy()
                .filter(policy -> policy != current.creationPolicyOr(defaultCreation)).isPresent();
        if (!sso && (scim || roles || otherPolicy)) {
            throw ScimException.conflict("SCIM settings become available once SSO is configured for the site.");
        }
        return current.withSsoConfigured(sso).withScimEnabled(scim).withManageRoles(roles)
                .withCreationPolicy(sso ? change.creationPolicy().or(current::creationPolicy)
                        : current.creationPolicy())
                .withRateLimits(new RateLimits(
                        change.siteRateLimit().orElse(current.rateLimits().site()),
                        change.perTokenRateLimit().orElse(current.rateLimits().perToken())));
    }

    /**
     * Whether the change stops letting SCIM manage roles, so that the roles pending identities hold
     * ({@link #HELD_ROLES}) are dropped in the settings change's unit: their SCIM resources then show the role the
     * person would get, filters and the admin's list agree with it, and turning role management on again does not
     * revive a role the IdP may have changed meanwhile (ADR 012, "Role"). Accounts keep their roles.
     *
     * @param current the settings before the change
     * @param updated the settings after it
     * @return whether held roles drop
     */
    public static boolean dropsHeldRoles(SiteSettings current, SiteSettings updated) {
        return current.manageRoles() && !updated.manageRoles();
    }

    /**
     * The pending identity with the role its first sign-in gives under {@code updated}; see {@link #ROLE_DROPPED}.
     *
     * @param pending a pending identity that holds a role ({@link #HELD_ROLES})
     * @param updated the settings after the change
     * @return the identity with the role it keeps
     */
    public static User withoutHeldRole(User pending, SiteSettings updated) {
        return pending.withRole(ProvisioningPolicy.roleAtFirstSignIn(pending, updated));
    }

    /**
     * Refuses a new SCIM token for a site without SSO: a token is for SCIM, which is a SCIM setting.
     *
     * @param current the site's settings
     * @throws ScimException {@code 409} if SSO is not configured
     */
    public static void requireSsoForTokens(SiteSettings current) {
        if (!current.ssoConfigured()) {
            throw ScimException.conflict("A SCIM token can be generated once SSO is configured for the site.");
        }
    }

    /**
     * Whether the site serves SCIM requests at all: SCIM enabled, and SSO configured (SCIM is available only once SSO
     * is set up; turning SSO off also turns SCIM off, so the second half guards settings stored otherwise). Admission
     * and the use cases ask the same question, so a request cannot pass one and fail the other.
     *
     * @param settings the site's settings
     * @return {@code true} when a SCIM request may be served
     */
    public static boolean servesScim(SiteSettings settings) {
        return settings.scimEnabled() && settings.ssoConfigured();
    }
}
