package dev.roster.scim.core.schema;

/** How unique an attribute's value is: its {@code uniqueness} characteristic (RFC 7643 §2.2). */
public enum Uniqueness {
    /** Values need not be unique; the default. */
    NONE("none"),
    /** No two resources of this service provider (for Roster, of one site) share a value: {@code userName}. */
    SERVER("server"),
    /** The value is unique across every service provider; Roster has no such attribute. */
    GLOBAL("global");

    private final String scimName;

    Uniqueness(String scimName) {
        this.scimName = scimName;
    }

    /**
     * The name {@code /Schemas} and RFC 7643 use for this value.
     *
     * @return the name, such as {@code server}
     */
    public String scimName() {
        return scimName;
    }
}
