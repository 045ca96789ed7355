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
 */
public record SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                             Optional<Boolean> manageRoles, Optional<CreationPolicy> creationPolicy,
                             Optional<Optional<RateLimit>> siteRateLimit,
                             Optional<Optional<RateLimit>> perTokenRateLimit) {

    public SettingsChange {
        Objects.requireNonNull(ssoConfigured, "ssoConfigured");
        Objects.requireNonNull(scimEnabled, "scimEnabled");
        Objects.requireNonNull(manageRoles, "manageRoles");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(siteRateLimit, "siteRateLimit");
        Objects.requireNonNull(perTokenRateLimit, "perTokenRateLimit");
    }

    /** A change that leaves the rate limits as they are. */
    public SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                          Optional<Boolean> manageRoles, Optional<CreationPolicy> creationPolicy) {
        this(ssoConfigured, scimEnabled, manageRoles, creationPolicy, Optional.empty(), Optional.empty());
    }

    /** A change that leaves the creation policy as it is. */
    public SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                          Optional<Boolean> manageRoles) {
        this(ssoConfigured, scimEnabled, manageRoles, Optional.empty());
    }

    public static SettingsChange none() {
        return new SettingsChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public SettingsChange ssoConfigured(boolean value) {
        return new SettingsChange(Optional.of(value), scimEnabled, manageRoles, creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    public SettingsChange scimEnabled(boolean value) {
        return new SettingsChange(ssoConfigured, Optional.of(value), manageRoles, creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    public SettingsChange manageRoles(boolean value) {
        return new SettingsChange(ssoConfigured, scimEnabled, Optional.of(value), creationPolicy, siteRateLimit,
                perTokenRateLimit);
    }

    public SettingsChange creationPolicy(CreationPolicy value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, Optional.of(value), siteRateLimit,
                perTokenRateLimit);
    }

    /** Sets the limit over all the site's SCIM traffic, or clears it with an empty {@code value}. */
    public SettingsChange siteRateLimit(Optional<RateLimit> value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, creationPolicy,
                Optional.of(Objects.requireNonNull(value, "value")), perTokenRateLimit);
    }

    /** Sets the limit over each of the site's tokens, or clears it with an empty {@code value}. */
    public SettingsChange perTokenRateLimit(Optional<RateLimit> value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, creationPolicy, siteRateLimit,
                Optional.of(Objects.requireNonNull(value, "value")));
    }
}
