package dev.roster.scim.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema (RFC 7643 §7): its URN, name and attributes. The {@code /Schemas} endpoint renders these.
 *
 * @param id          the schema's URN, such as {@code urn:ietf:params:scim:schemas:core:2.0:User}
 * @param name        the human-readable name, such as {@code User}
 * @param description what the schema is for
 * @param attributes  the top-level attributes, in the order {@code /Schemas} shows them
 */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    /**
     * A schema, with its attribute list copied.
     *
     * @param id          the schema's URN
     * @param name        the human-readable name
     * @param description what the schema is for
     * @param attributes  the top-level attributes
     * @throws NullPointerException if any argument or attribute is null
     */
    public SchemaDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    /**
     * The top-level attribute of that name in any case (RFC 7643 §2.1: names are case-insensitive).
     *
     * @param attributeName the attribute's name, without the schema URN
     * @return its definition; empty if this schema has no such attribute
     */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
