package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.ResolvedAttribute;

import java.util.Optional;

/**
 * Reads and writes one attribute of a canonical User representation: core attributes at top level, extension
 * attributes in the object under their schema URN. Writing an unassigned value (null, an empty array or object)
 * removes the member, and an extension left empty goes too, so that the result stays canonical.
 */
final class AttributeSlots {

    private AttributeSlots() {
    }

    /** The attribute's value, if assigned. */
    static Optional<ScimValue> read(ScimObject resource, ResolvedAttribute attribute) {
        return container(resource, attribute)
                .flatMap(container -> container.get(attribute.attribute().name()))
                .filter(value -> !isUnassigned(value));
    }

    /** A copy of the resource with the attribute set to the value, or removed if the value is unassigned. */
    static ScimObject write(ScimObject resource, ResolvedAttribute attribute, ScimValue value) {
        ScimObject container = container(resource, attribute).orElse(ScimObject.EMPTY);
        String name = attribute.attribute().name();
        ScimObject changed = isUnassigned(value) ? container.without(name) : container.with(name, value);
        if (!attribute.extension()) {
            return changed;
        }
        return changed.isEmpty() ? resource.without(attribute.schemaUrn())
                : resource.with(attribute.schemaUrn(), changed);
    }

    /** Unassigned in the sense of RFC 7643 §2.5: null, an empty array, or an object without members. */
    static boolean isUnassigned(ScimValue value) {
        return value.isNull()
                || value instanceof ScimArray array && array.isEmpty()
                || value instanceof ScimObject object && object.isEmpty();
    }

    private static Optional<ScimObject> container(ScimObject resource, ResolvedAttribute attribute) {
        return attribute.extension() ? resource.getObject(attribute.schemaUrn()) : Optional.of(resource);
    }
}
