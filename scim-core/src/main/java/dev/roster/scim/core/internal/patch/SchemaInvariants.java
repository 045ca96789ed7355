package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.SchemaDefinition;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold between the resource before a PATCH and after all its operations, checked once at the end so that
 * a request may remove a value and add it back (RFC 7644 §3.5.2.2 shows remove-then-add):
 * <ul>
 *   <li>a required attribute that had a value still has one (RFC 7644 §3.5.2.2: removing it is
 *       {@code 400 mutability});</li>
 *   <li>an immutable attribute (or sub-attribute of a single-valued complex one) that had a value still has the
 *       same value; one without a value may be given one (RFC 7644 §3.5.2: "a client MAY 'add' a value to an
 *       'immutable' attribute if the attribute had no previous value").</li>
 * </ul>
 */
final class SchemaInvariants {

    /** The attributes that carry an invariant; the others' values may change in any way. */
    private final List<ResolvedAttribute> attributes;

    SchemaInvariants(List<ResolvedAttribute> attributes) {
        this.attributes = attributes.stream().filter(SchemaInvariants::constrained).toList();
    }

    /** The invariants of the User schemas and the common attributes. */
    static SchemaInvariants forUsers() {
        List<ResolvedAttribute> all = new ArrayList<>();
        UserSchemas.COMMON_ATTRIBUTES.forEach(attribute -> all.add(core(attribute)));
        for (SchemaDefinition schema : UserSchemas.ALL) {
            boolean extension = !schema.id().equals(UserSchemas.CORE_USER);
            schema.attributes().forEach(attribute -> all.add(
                    new ResolvedAttribute(schema.id(), extension, attribute, Optional.empty())));
        }
        return new SchemaInvariants(all);
    }

    /** Checks every attribute: what holds for any two values of a resource. */
    void check(ScimObject before, ScimObject after) {
        for (ResolvedAttribute attribute : attributes) {
            check(attribute, before, after);
        }
    }

    /**
     * Checks the attributes whose slots the operations wrote: {@code after} must be {@code before} with only those
     * slots changed, as {@link PatchEngine} makes it. The verdict is the full check's, as
     * {@code SchemaInvariantsShortcutTest} shows for random resources and operations; a PATCH of {@code active}
     * checks nothing.
     */
    void check(ScimObject before, ScimObject after, TouchedSlots touched) {
        for (ResolvedAttribute attribute : attributes) {
            if (touched.contains(attribute)) {
                check(attribute, before, after);
            }
        }
    }

    private static void check(ResolvedAttribute attribute, ScimObject before, ScimObject after) {
        Optional<ScimValue> old = AttributeSlots.read(before, attribute);
        if (old.isEmpty()) {
            return;
        }
        Optional<ScimValue> now = AttributeSlots.read(after, attribute);
        AttributeDefinition definition = attribute.attribute();
        if (definition.required() && now.isEmpty()) {
            throw ScimException.mutability("The attribute '" + attribute.canonicalName()
                    + "' is required; it cannot be removed.");
        }
        if (definition.mutability() == Mutability.IMMUTABLE && !old.equals(now)) {
            throw immutable(attribute.canonicalName());
        }
        if (definition.isComplex() && !definition.multiValued()) {
            checkSubAttributes(attribute, old.get(), now);
        }
    }

    private static boolean constrained(ResolvedAttribute attribute) {
        AttributeDefinition definition = attribute.attribute();
        return definition.required() || definition.mutability() == Mutability.IMMUTABLE
                || definition.isComplex() && !definition.multiValued() && definition.subAttributes().stream()
                        .anyMatch(sub -> sub.mutability() == Mutability.IMMUTABLE);
    }

    private static void checkSubAttributes(ResolvedAttribute attribute, ScimValue old, Optional<ScimValue> now) {
        if (!(old instanceof ScimObject oldObject)) {
            return;
        }
        Optional<ScimObject> nowObject = now.filter(ScimObject.class::isInstance).map(ScimObject.class::cast);
        for (AttributeDefinition sub : attribute.attribute().subAttributes()) {
            if (sub.mutability() != Mutability.IMMUTABLE) {
                continue;
            }
            Optional<ScimValue> oldSub = oldObject.getAssigned(sub.name());
            if (oldSub.isPresent() && !oldSub.equals(nowObject.flatMap(object -> object.getAssigned(sub.name())))) {
                throw immutable(attribute.canonicalName() + "." + sub.name());
            }
        }
    }

    private static ScimException immutable(String name) {
        return ScimException.mutability("The attribute '" + name + "' is immutable; once it has a value, the value "
                + "cannot change.");
    }

    private static ResolvedAttribute core(AttributeDefinition attribute) {
        return new ResolvedAttribute(UserSchemas.CORE_USER, false, attribute, Optional.empty());
    }
}
