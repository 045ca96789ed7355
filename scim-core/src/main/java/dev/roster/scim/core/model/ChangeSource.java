package dev.roster.scim.core.model;

/** Who made a change to a user: the IdP over SCIM, a site admin, or the user's own SSO sign-in (JIT). */
public enum ChangeSource {
    SCIM("scim"),
    ADMIN("admin"),
    SIGN_IN("sign-in");

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
