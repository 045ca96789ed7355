package dev.roster.scim.core.model;

/**
 * Who made a change to a user: the IdP over SCIM, a site admin, the user's own SSO sign-in (JIT), or an upgrade of
 * Roster that changed how it treats a stored user (a migration's audit record).
 */
public enum ChangeSource {
    /** The identity provider, through the SCIM API. */
    SCIM("scim"),
    /** A site admin, through the admin API or page. */
    ADMIN("admin"),
    /** The user's own SSO sign-in, which creates users just in time and refreshes their profile. */
    SIGN_IN("sign-in"),
    /** An upgrade of Roster that changed a stored user, written by a migration. */
    UPGRADE("upgrade");

    private final String label;

    ChangeSource(String label) {
        this.label = label;
    }

    /**
     * A stable lower-case label for storage and APIs.
     *
     * @return {@code scim}, {@code admin}, {@code sign-in} or {@code upgrade}
     */
    public String label() {
        return label;
    }

    /**
     * The source of a stored label.
     *
     * @param label a label as {@link #label()} spells it, exactly
     * @return the source of that label
     * @throws IllegalArgumentException for any other text: a stored label Roster did not write
     */
    public static ChangeSource fromLabel(String label) {
        for (ChangeSource source : values()) {
            if (source.label.equals(label)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown change source: " + label);
    }
}
