package dev.roster.scim.core.model;

import java.util.Arrays;
import java.util.Optional;

/** A user's role in a site. SCIM carries it as {@code userType} (or {@code stackUserType} from Entra ID). */
public enum Role {
    REGISTERED("Registered"),
    MODERATOR("Moderator"),
    ADMIN("Admin");

    private final String scimValue;

    Role(String scimValue) {
        this.scimValue = scimValue;
    }

    /** The value SCIM uses: {@code Registered}, {@code Moderator} or {@code Admin}. */
    public String scimValue() {
        return scimValue;
    }

    /** The role for a SCIM value in any case, ignoring surrounding blanks. */
    public static Optional<Role> fromScimValue(String value) {
        String trimmed = value.strip();
        return Arrays.stream(values()).filter(role -> role.scimValue.equalsIgnoreCase(trimmed)).findFirst();
    }
}
