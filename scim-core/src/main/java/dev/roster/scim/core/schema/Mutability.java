package dev.roster.scim.core.schema;

/** Whether and how a client may change an attribute: its {@code mutability} characteristic (RFC 7643 §2.2). */
public enum Mutability {
    /** The service provider sets it; a client's value is ignored or refused ({@code id}, {@code meta}). */
    READ_ONLY("readOnly"),
    /** A client may set and change it; the default. */
    READ_WRITE("readWrite"),
    /** A client may set it once, when it has no value, and never change it after. */
    IMMUTABLE("immutable"),
    /** A client may set it, but it is never returned ({@code password}). */
    WRITE_ONLY("writeOnly");

    private final String scimName;

    Mutability(String scimName) {
        this.scimName = scimName;
    }

    /**
     * The name {@code /Schemas} and RFC 7643 use for this value.
     *
     * @return the name, such as {@code readWrite}
     */
    public String scimName() {
        return scimName;
    }
}
