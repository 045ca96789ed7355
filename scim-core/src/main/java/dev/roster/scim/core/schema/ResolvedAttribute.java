package dev.roster.scim.core.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an attribute reference lands in a User resource: the schema that defines it, whether that schema is an
 * extension (its attributes live in an object under the schema URN), the attribute and, for {@code name.givenName}
 * style references, the sub-attribute. {@link UserAttributeResolver} makes these.
 *
 * @param schemaUrn    the canonical URN of the schema that defines the attribute
 * @param extension    whether that schema is an extension, whose attributes sit in an object named by its URN
 * @param attribute    the top-level attribute
 * @param subAttribute the sub-attribute of a complex attribute, if the reference names one
 */
public record ResolvedAttribute(String schemaUrn, boolean extension, AttributeDefinition attribute,
                                Optional<AttributeDefinition> subAttribute) {

    /**
     * A resolved reference.
     *
     * @param schemaUrn    the canonical URN of the schema that defines the attribute
     * @param extension    whether that schema is an extension
     * @param attribute    the top-level attribute
     * @param subAttribute the sub-attribute, if any
     * @throws NullPointerException if {@code schemaUrn}, {@code attribute} or {@code subAttribute} is null
     */
    public ResolvedAttribute {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(subAttribute, "subAttribute");
    }

    /**
     * The definition the reference finally names, whose characteristics apply to the value.
     *
     * @return the sub-attribute if there is one, else the attribute
     */
    public AttributeDefinition target() {
        return subAttribute.orElse(attribute);
    }

    /**
     * Whether the reference names a value that can hold several values.
     *
     * @return true for a multi-valued attribute and for a sub-attribute of one ({@code emails.value})
     */
    public boolean multiValued() {
        return attribute.multiValued();
    }

    /**
     * The canonical full name, as the schemas spell it.
     *
     * @return such as {@code name.givenName} or {@code urn:…:enterprise:2.0:User:department}: core attributes
     *         without their URN, extension attributes with it
     */
    public String canonicalName() {
        String base = extension ? schemaUrn + ":" + attribute.name() : attribute.name();
        return subAttribute.map(sub -> base + "." + sub.name()).orElse(base);
    }
}
