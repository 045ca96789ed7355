package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The attribute slots a PATCH's operations wrote (see {@link AttributeSlots}): a core attribute's top-level member,
 * or an extension attribute's member in its extension's object. A slot no operation wrote holds after the PATCH the
 * value it held before, so the invariants need checking only on the written ones ({@link SchemaInvariants#check(
 * dev.roster.scim.core.json.ScimObject, dev.roster.scim.core.json.ScimObject, TouchedSlots)}).
 */
final class TouchedSlots {

    private final List<ResolvedAttribute> written = new ArrayList<>(2);

    void add(ResolvedAttribute attribute) {
        written.add(attribute);
    }

    /** Whether an operation wrote the slot of this attribute (its sub-attribute, if any, aside). */
    boolean contains(ResolvedAttribute attribute) {
        for (ResolvedAttribute slot : written) {
            if (sameSlot(slot, attribute)) {
                return true;
            }
        }
        return false;
    }

    /** What {@link AttributeSlots} reads and writes: the name, in the extension's object for an extension. */
    private static boolean sameSlot(ResolvedAttribute left, ResolvedAttribute right) {
        if (left.extension() != right.extension()
                || left.extension() && !left.schemaUrn().equalsIgnoreCase(right.schemaUrn())) {
            return false;
        }
        return left.attribute().name().equalsIgnoreCase(right.attribute().name());
    }
}
