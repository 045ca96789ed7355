package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.CreationPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings an admin wants to change; absent ones stay as they are.
 *
 * <pre>{@code
 * SettingsChange.none().scimEnabled(true).manageRoles(true).creationPolicy(CreationPolicy.PENDING)
 * }</pre>
 */
public record SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                             Optional<Boolean> manageRoles, Optional<CreationPolicy> creationPolicy) {

    public SettingsChange {
        Objects.requireNonNull(ssoConfigured, "ssoConfigured");
        Objects.requireNonNull(scimEnabled, "scimEnabled");
        Objects.requireNonNull(manageRoles, "manageRoles");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
    }

    /** A change that leaves the creation policy as it is. */
    public SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                          Optional<Boolean> manageRoles) {
        this(ssoConfigured, scimEnabled, manageRoles, Optional.empty());
    }

    public static SettingsChange none() {
        return new SettingsChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SettingsChange ssoConfigured(boolean value) {
        return new SettingsChange(Optional.of(value), scimEnabled, manageRoles, creationPolicy);
    }

    public SettingsChange scimEnabled(boolean value) {
        return new SettingsChange(ssoConfigured, Optional.of(value), manageRoles, creationPolicy);
    }

    public SettingsChange manageRoles(boolean value) {
        return new SettingsChange(ssoConfigured, scimEnabled, Optional.of(value), creationPolicy);
    }

    public SettingsChange creationPolicy(CreationPolicy value) {
        return new SettingsChange(ssoConfigured, scimEnabled, manageRoles, Optional.of(value));
    }
}
