package dev.roster.scim.core.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path of RFC 7644 §3.4.2.2 ({@code attrPath = [URI ":"] ATTRNAME *1subAttr}): an optional schema URN,
 * an attribute name and an optional sub-attribute name, as written (names compare case-insensitively in SCIM; use
 * {@link #sameAttribute(AttrPath)} for that). Inside a value filter ({@code emails[type eq "work"]}) the path is
 * relative to one value of the multi-valued attribute.
 */
public record AttrPath(Optional<String> schemaUrn, String attribute, Optional<String> subAttribute) {

    public AttrPath {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(subAttribute, "subAttribute");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
        }
    }

    public static AttrPath of(String attribute) {
        return new AttrPath(Optional.empty(), attribute, Optional.empty());
    }

    public static AttrPath of(String attribute, String subAttribute) {
        return new AttrPath(Optional.empty(), attribute, Optional.of(subAttribute));
    }

    public static AttrPath qualified(String schemaUrn, String attribute) {
        return new AttrPath(Optional.of(schemaUrn), attribute, Optional.empty());
    }


    /** Whether both paths name the same attribute, ignoring case. */
    public boolean sameAttribute(AttrPath other) {
        return schemaUrn.map(String::toLowerCase).equals(other.schemaUrn.map(String::toLowerCase))
                && attribute.equalsIgnoreCase(other.attribute)
                && subAttribute.map(String::toLowerCase).equals(other.subAttribute.map(String::toLowerCase));
    }

    /** The path as SCIM writes it: {@code urn:attribute.sub}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        schemaUrn.ifPresent(urn -> text.append(urn).append(':'));
        text.append(attribute);
        subAttribute.ifPresent(sub -> text.append('.').append(sub));
        return text.toString();
    }
}
