package dev.roster.scim.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings an admin wants to change; absent ones stay as they are.
 *
 * <pre>{@code
 * SettingsChange.none().scimEnabled(true).manageRoles(true)
 * }</pre>
 */
public record SettingsChange(Optional<Boolean> ssoConfigured, Optional<Boolean> scimEnabled,
                             Optional<Boolean> manageRoles) {

    public SettingsChange {
        Objects.requireNonNull(ssoConfigured, "ssoConfigured");
        Objects.requireNonNull(scimEnabled, "scimEnabled");
        Objects.requireNonNull(manageRoles, "manageRoles");
    }

    public static SettingsChange none() {
        return new SettingsChange(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SettingsChange ssoConfigured(boolean value) {
        return new SettingsChange(Optional.of(value), scimEnabled, manageRoles);
    }

    public SettingsChange scimEnabled(boolean value) {
        return new SettingsChange(ssoConfigured, Optional.of(value), manageRoles);
    }

    public SettingsChange manageRoles(boolean value) {
        return new SettingsChange(ssoConfigured, scimEnabled, Optional.of(value));
    }
}
