package dev.roster.scim.core.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path of RFC 7644 §3.4.2.2 ({@code attrPath = [URI ":"] ATTRNAME *1subAttr}): an optional schema URN,
 * an attribute name and an optional sub-attribute name, as written (names compare case-insensitively in SCIM; use
 * {@link #sameAttribute(AttrPath)} for that). Inside a value filter ({@code emails[type eq "work"]}) the path is
 * relative to one value of the multi-valued attribute. Immutable. The grammar that reads one is
 * {@link AttributePath}; this record checks only that the name is not empty.
 *
 * <pre>{@code
 * AttrPath.of("name", "givenName");   // name.givenName
 * AttrPath.qualified("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "department");
 * }</pre>
 *
 * @param schemaUrn    the schema URN it is qualified with, as written; empty for a bare name
 * @param attribute    the attribute's name, as written
 * @param subAttribute the sub-attribute's name, as written, if the path has one
 */
public record AttrPath(Optional<String> schemaUrn, String attribute, Optional<String> subAttribute) {

    /**
     * Checks the components.
     *
     * @param schemaUrn    the schema URN it is qualified with, as written; empty for a bare name
     * @param attribute    the attribute's name, as written
     * @param subAttribute the sub-attribute's name, as written, if the path has one
     * @throws NullPointerException     for a null component
     * @throws IllegalArgumentException for an empty attribute name
     */
    public AttrPath {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(subAttribute, "subAttribute");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
        }
    }

    /**
     * A bare attribute name.
     *
     * @param attribute the name, such as {@code userName}
     * @return the path, without URN and sub-attribute
     */
    public static AttrPath of(String attribute) {
        return new AttrPath(Optional.empty(), attribute, Optional.empty());
    }

    /**
     * An attribute and one of its sub-attributes.
     *
     * @param attribute    the attribute's name, such as {@code name}
     * @param subAttribute the sub-attribute's name, such as {@code givenName}
     * @return the path, without URN
     */
    public static AttrPath of(String attribute, String subAttribute) {
        return new AttrPath(Optional.empty(), attribute, Optional.of(subAttribute));
    }

    /**
     * An attribute qualified with its schema's URN.
     *
     * @param schemaUrn the schema's URN
     * @param attribute the attribute's name
     * @return the path, without sub-attribute
     */
    public static AttrPath qualified(String schemaUrn, String attribute) {
        return new AttrPath(Optional.of(schemaUrn), attribute, Optional.empty());
    }


    /**
     * Whether both paths are written alike but for case. A bare name and its URN-qualified form are different
     * paths here; resolving them against the schemas ({@link AttributePath#resolve}) is what finds them the same.
     *
     * @param other another path
     * @return {@code true} if URN, attribute and sub-attribute are equal ignoring case
     */
    public boolean sameAttribute(AttrPath other) {
        return schemaUrn.map(String::toLowerCase).equals(other.schemaUrn.map(String::toLowerCase))
                && attribute.equalsIgnoreCase(other.attribute)
                && subAttribute.map(String::toLowerCase).equals(other.subAttribute.map(String::toLowerCase));
    }

    /**
     * The path as SCIM writes it.
     *
     * @return {@code urn:attribute.sub}, each part as written
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        schemaUrn.ifPresent(urn -> text.append(urn).append(':'));
        text.append(attribute);
        subAttribute.ifPresent(sub -> text.append('.').append(sub));
        return text.toString();
    }
}
