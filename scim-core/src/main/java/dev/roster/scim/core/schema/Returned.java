package dev.roster.scim.core.schema;

/**
 * When an attribute appears in a response: its {@code returned} characteristic (RFC 7643 §2.2), which decides what
 * the {@code attributes} and {@code excludedAttributes} parameters can do (RFC 7644 §3.9).
 */
public enum Returned {
    /** In every response, whatever the parameters ask ({@code id}). */
    ALWAYS("always"),
    /** In no response at all ({@code password}). */
    NEVER("never"),
    /** Unless {@code excludedAttributes} names it or {@code attributes} names others; the default. */
    DEFAULT("default"),
    /** Only when {@code attributes} names it. */
    REQUEST("request");

    private final String scimName;

    Returned(String scimName) {
        this.scimName = scimName;
    }

    /**
     * The name {@code /Schemas} and RFC 7643 use for this value.
     *
     * @return the name, such as {@code default}
     */
    public String scimName() {
        return scimName;
    }
}
