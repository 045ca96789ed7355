package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.UserAttributeResolver;

import dev.roster.scim.core.json.ScimValue;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A PATCH path resolved against the User schemas: the attribute (and sub-attribute) it lands on and, for a path with
 * a value filter, the selection of values, checked against the schema. {@code name} is how messages spell it.
 */
record PatchTarget(ResolvedAttribute resolved, Optional<Selection> selection, String name) {

    /** A value filter and its compiled test of one value. */
    record Selection(Filter filter, Predicate<ScimValue> selects) {
    }

    PatchTarget {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The target of a path; empty when no schema defines the attribute, because Roster ignores attributes it does
     * not know (identity providers send custom ones). A known attribute with a sub-attribute it does not have, or a
     * value filter on a single-valued attribute, is {@code 400 invalidPath}.
     */
    static Optional<PatchTarget> resolve(PatchPath path) {
        Optional<ResolvedAttribute> attribute = UserAttributeResolver.resolve(path.schemaUrn(), path.attribute());
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        AttributeDefinition definition = attribute.get().attribute();
        String name = attribute.get().canonicalName();
        Optional<AttributeDefinition> sub = Optional.empty();
        if (path.subAttribute().isPresent()) {
            String subName = path.subAttribute().get();
            if (!definition.isComplex()) {
                throw ScimException.invalidPath("The attribute '" + name + "' has no sub-attributes, so '" + path
                        + "' names nothing.");
            }
            sub = Optional.of(definition.subAttribute(subName).orElseThrow(() -> ScimException.invalidPath(
                    "The attribute '" + name + "' has no sub-attribute '" + subName + "'.")));
        }
        ResolvedAttribute resolved = new ResolvedAttribute(attribute.get().schemaUrn(), attribute.get().extension(),
                definition, sub);
        String display = displayName(resolved, path);
        Optional<Selection> selection = Optional.empty();
        if (path.valueFilter().isPresent()) {
            Filter filter = path.valueFilter().get();
            if (!definition.multiValued()) {
                throw ScimException.invalidPath("The attribute '" + name + "' is single-valued; a value filter ("
                        + "'[...]') selects values of a multi-valued attribute.");
            }
            ValueFilters.requireSubAttributePaths(filter, definition, name);
            selection = Optional.of(new Selection(filter, ValueFilters.selector(filter, resolved, display)));
        }
        return Optional.of(new PatchTarget(resolved, selection, display));
    }

    /** A target without a filter, for the attributes of a path-less value. */
    static PatchTarget of(ResolvedAttribute resolved) {
        return new PatchTarget(resolved, Optional.empty(), resolved.canonicalName());
    }

    AttributeDefinition attribute() {
        return resolved.attribute();
    }

    Optional<AttributeDefinition> subAttribute() {
        return resolved.subAttribute();
    }

    /** Whether a client may write here: neither the attribute nor the sub-attribute is read-only. */
    boolean writable() {
        return attribute().mutability() != Mutability.READ_ONLY
                && subAttribute().map(sub -> sub.mutability() != Mutability.READ_ONLY).orElse(true);
    }

    private static String displayName(ResolvedAttribute resolved, PatchPath path) {
        if (path.valueFilter().isEmpty()) {
            return resolved.canonicalName();
        }
        String base = resolved.extension() ? resolved.schemaUrn() + ":" + resolved.attribute().name()
                : resolved.attribute().name();
        return base + "[" + ValueFilters.print(path.valueFilter().get()) + "]"
                + resolved.subAttribute().map(sub -> "." + sub.name()).orElse("");
    }
}
