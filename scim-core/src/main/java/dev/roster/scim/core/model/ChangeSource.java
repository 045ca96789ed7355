package dev.roster.scim.core.model;

/**
 * Who made a change to a user: the IdP over SCIM, a site admin, the user's own SSO sign-in (JIT), or an upgrade of
 * Roster that changed how it treats a stored user (a migration's audit record).
 */
public enum ChangeSource {
    SCIM("scim"),
    ADMIN("admin"),
    SIGN_IN("sign-in"),
    UPGRADE("upgrade");

    private final String label;

    ChangeSource(String label) {
        this.label = label;
    }

    /** A stable lower-case label for storage and APIs. */
    public String label() {
        return label;
    }

    public static ChangeSource fromLabel(String label) {
        for (ChangeSource source : values()) {
            if (source.label.equals(label)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown change source: " + label);
    }
}
