package dev.roster.scim.core.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an attribute reference lands in a User resource: the schema that defines it, whether that schema is an
 * extension (its attributes live in an object under the schema URN), the attribute and, for {@code name.givenName}
 * style references, the sub-attribute.
 */
public record ResolvedAttribute(String schemaUrn, boolean extension, AttributeDefinition attribute,
                                Optional<AttributeDefinition> subAttribute) {

    public ResolvedAttribute {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(subAttribute, "subAttribute");
    }

    /** The definition the reference finally names: the sub-attribute if there is one, else the attribute. */
    public AttributeDefinition target() {
        return subAttribute.orElse(attribute);
    }

    /** Whether the reference names a value that can hold several values (a multi-valued attribute or its sub). */
    public boolean multiValued() {
        return attribute.multiValued();
    }

    /** The canonical full name, e.g. {@code name.givenName} or {@code urn:…:enterprise:2.0:User:department}. */
    public String canonicalName() {
        String base = extension ? schemaUrn + ":" + attribute.name() : attribute.name();
        return subAttribute.map(sub -> base + "." + sub.name()).orElse(base);
    }
}
