package dev.roster.scim.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A user's role in a site, from the least to the most privileged. SCIM carries it as {@code userType} (or
 * {@code stackUserType} from Entra ID); whether SCIM may change it is the site's {@code manageRoles} setting.
 *
 * <pre>{@code
 * Role.fromScimValue(" admin ");   // Optional[ADMIN]
 * Role.ADMIN.scimValue();          // "Admin"
 * }</pre>
 */
public enum Role {
    /** A signed-in member without privileges: what a JIT sign-in creates. */
    REGISTERED("Registered"),
    /** A member with the site's moderation rights. */
    MODERATOR("Moderator"),
    /** A site admin; a site keeps at least one active Admin (the last-admin guard). */
    ADMIN("Admin");

    private final String scimValue;

    Role(String scimValue) {
        this.scimValue = scimValue;
    }

    /**
     * The value SCIM uses.
     *
     * @return {@code Registered}, {@code Moderator} or {@code Admin}
     */
    public String scimValue() {
        return scimValue;
    }

    /**
     * The role for a SCIM value in any case, ignoring surrounding blanks.
     *
     * @param value a {@code userType} as a client sent it
     * @return the role; empty for a value that names none
     */
    public static Optional<Role> fromScimValue(String value) {
        String trimmed = value.strip();
        return Arrays.stream(values()).filter(role -> role.scimValue.equalsIgnoreCase(trimmed)).findFirst();
    }
}
