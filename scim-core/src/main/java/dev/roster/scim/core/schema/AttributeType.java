package dev.roster.scim.core.schema;

/** The data types of SCIM attributes (RFC 7643 §2.3), with the names {@code /Schemas} uses. */
public enum AttributeType {
    /** A sequence of Unicode characters, a JSON string (§2.3.1). */
    STRING("string"),
    /** {@code true} or {@code false} (§2.3.2). */
    BOOLEAN("boolean"),
    /** A real number with at least one digit after the point, a JSON number (§2.3.3). */
    DECIMAL("decimal"),
    /** A whole number without fraction or exponent, a JSON number (§2.3.4). */
    INTEGER("integer"),
    /** An {@code xsd:dateTime} with a time zone, such as {@code 2026-12-01T19:30:00Z}, as a string (§2.3.5). */
    DATE_TIME("dateTime"),
    /** Base64-encoded bytes as a string, compared case-exactly (§2.3.6). */
    BINARY("binary"),
    /** A URI, such as a resource's location, as a string, compared case-exactly (§2.3.7). */
    REFERENCE("reference"),
    /** An object of sub-attributes, which have no sub-attributes of their own (§2.3.8). */
    COMPLEX("complex");

    private final String scimName;

    AttributeType(String scimName) {
        this.scimName = scimName;
    }

    /**
     * The name {@code /Schemas} and RFC 7643 use for this value.
     *
     * @return the name, such as {@code dateTime}
     */
    public String scimName() {
        return scimName;
    }
}
