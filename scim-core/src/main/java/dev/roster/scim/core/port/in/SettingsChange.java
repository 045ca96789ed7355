package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings an admin wants to change; absent ones stay as they are. A rate limit is set with a limit and cleared
 * with an empty one: {@code siteRateLimit} and {@code perTokenRateLimit} are empty to leave the limit as it is, and
 * hold an empty {@code Optional} to clear it.
 *
 * <pre>{@code
 * SettingsChange.none().scimEnabled(true).manageRoles(true).creationPolicy(CreationPolicy.PENDING)
 *         .siteRateLimit(Optional.of(RateLimit.parse("600/min"))).perTokenRateLimit(Optional.empty())
 * }</pre>
 *
 * <p>{@link SiteAdministration#updateSettings} applies it, under the rule that SCIM settings need SSO.
 *
 * @param ssoConfigured     whether the site has SSO set up, or empty to leave it
 * @param scimEnabled       whether the site's SCIM API answers, or empty to leave it
 * @param manageRoles       whether SCIM may set users' roles ("Allow SCIM to manage user roles"), or empty to
 *                          leave it
 * @param creationPolicy    what a SCIM {@code POST} of someone who has not signed in does, or empty to leave it
 * @param siteRateLimit     the limit over all the site's SCIM traffic: empty to leave it, an empty {@code Optional}
 *                          inside to clear it
 * @param perTokenRateLimit the limit over each of the site's tokens: empty to leave it, an empty {@code Optional}
 *                          inside to clear it
 */
public record SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                             Optional<Boolean> manageRoles, Optional<CreationPolicy> creationPolicy,
                             Optional<Optional<RateLimit>> siteRateLimit,
                             Optional<Optional<RateLimit>> perTokenRateLimit) {

    /**
     * A change, checked for null.
     *
     * @param ssoConfigured     the SSO setting, or empty
     * @param scimEnabled       the SCIM setting, or empty
     * @param manageRoles       the role-management setting, or empty
     * @param creationPolicy    the creation policy, or empty
     * @param siteRateLimit     the site's rate limit to set or clear, or empty
     * @param perTokenRateLimit the per-token rate limit to set or clear, or empty
     * @throws NullPointerException if a component is null
     */
    public SettingsChange {
        Objects.requireNonNull(ssoConfigured, "ssoConfigured");
        Objects.requireNonNull(scimEnabled, "scimEnabled");
        Objects.requireNonNull(manageRoles, "manageRoles");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(siteRateLimit, "siteRateLimit");
        Objects.requireNonNull(perTokenRateLimit, "perTokenRateLimit");
    }

    /**
     * A change that leaves the rate limits as they are.
     *
     * @param ssoConfigured  the SSO setting, or empty
     * @param scimEnabled    the SCIM setting, or empty
     * @param manageRoles    the role-management setting, or empty
     * @param creationPolicy the creation policy, or empty
     */
    public SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                          Optional<Boolean> manageRoles, Optional<CreationPolicy> creationPolicy) {
        this(ssoConfigured, scimEnabled, manageRoles, creationPolicy, Optional.empty(), Optional.empty());
    }

    /**
     * A change that leaves the creation policy and the rate limits as they are.
     *
     * @param ssoConfigured the SSO setting, or empty
     * @param scimEnabled   the SCIM setting, or empty
     * @param manageRoles   the role-management setting, or empty
     */
    public SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                          Optional<Boolean> manageRoles) {
        this(ssoConfigured, scimEnabled, manageRoles, Optional.empty());
    }

    /**
     * No change: the start of a change built with the methods below.
     *
     * @return the change that leaves every setting as it is
     */
    public static SettingsChange none() {
        return new SettingsChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Also sets SSO. Turning it off turns SCIM and role management off with it.
     *
     * @param value whether the site has SSO set up
     * @return the change
     */
    public SettingsChange ssoConfigured(boolean value) {
        return new SettingsChange(Optional.of(value), scimEnabled, manageRoles, creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    /**
     * Also turns the site's SCIM API on or off; on needs SSO.
     *
     * @param value whether the SCIM API answers
     * @return the change
     */
    public SettingsChange scimEnabled(boolean value) {
        return new SettingsChange(ssoConfigured, Optional.of(value), manageRoles, creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    /**
     * Also lets SCIM manage roles, or stops it; on needs SSO.
     *
     * @param value whether the IdP's {@code userType} or {@code stackUserType} sets users' roles
     * @return the change
     */
    public SettingsChange manageRoles(boolean value) {
        return new SettingsChange(ssoConfigured, scimEnabled, Optional.of(value), creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    /**
     * Also chooses the creation policy; another than the one that applies needs SSO.
     *
     * @param value what a SCIM {@code POST} of someone who has not signed in does
     * @return the change
     */
    public SettingsChange creationPolicy(CreationPolicy value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, Optional.of(value), siteRateLimit,
                perTokenRateLimit);
    }

    /**
     * Sets the limit over all the site's SCIM traffic, or clears it with an empty {@code value}.
     *
     * @param value the limit, or empty to clear it
     * @return the change
     */
    public SettingsChange siteRateLimit(Optional<RateLimit> value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, creationPolicy,
                Optional.of(Objects.requireNonNull(value, "value")), perTokenRateLimit);
    }

    /**
     * Sets the limit over each of the site's tokens, or clears it with an empty {@code value}.
     *
     * @param value the limit, or empty to clear it
     * @return the change
     */
    public SettingsChange perTokenRateLimit(Optional<RateLimit> value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, creationPolicy, siteRateLimit,
                Optional.of(Objects.requireNonNull(value, "value")));
    }
}
