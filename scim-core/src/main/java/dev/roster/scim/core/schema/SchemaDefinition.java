package dev.roster.scim.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema (RFC 7643 §7): its URN, name and attributes. The {@code /Schemas} endpoint renders these.
 */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    /** The top-level attribute of that name in any case. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(attributeName)).findFirst();
    }
}
