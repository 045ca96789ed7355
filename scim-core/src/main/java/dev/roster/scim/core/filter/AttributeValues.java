package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.Returned;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the values an attribute path names in a User resource, the way filters (RFC 7644 §3.4.2.2) and
 * {@code sortBy} (§3.4.2.3) see them. The resource is its full SCIM JSON: core attributes at the top, extension
 * attributes in an object under the extension's URN, {@code meta} with its timestamps.
 *
 * <pre>{@code
 * AttributeValues.valuesAt(user, AttrPath.of("emails", "value"))   // every email address, in order
 * }</pre>
 */
final class AttributeValues {

    /**
     * {@code schemas} belongs to no schema's attribute list (RFC 7643 §3), but RFC 7644 §3.4.2.2 filters on it:
     * {@code schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}.
     */
    private static final ResolvedAttribute SCHEMAS = new ResolvedAttribute(UserSchemas.CORE_USER, false,
            AttributeDefinition.string("schemas").multiValued()
                    .description("The URIs of the schemas the resource uses.").build(),
            Optional.empty());

    private AttributeValues() {
    }

    /**
     * The attribute a path names in the User schemas ({@link UserAttributeResolver}, plus {@code schemas}), names in
     * any case. Empty for a path no schema defines, and for attributes that are never returned ({@code password},
     * the role alias {@code stackUserType}): matching or ordering by them would reveal what the server never shows.
     */
    public static Optional<ResolvedAttribute> resolve(AttrPath path) {
        if (path.attribute().equalsIgnoreCase(SCHEMAS.attribute().name()) && path.subAttribute().isEmpty()
                && path.schemaUrn().map(UserSchemas.CORE_USER::equalsIgnoreCase).orElse(true)) {
            return Optional.of(SCHEMAS);
        }
        return UserAttributeResolver.resolve(path.schemaUrn(), path.attribute(), path.subAttribute())
                .filter(resolved -> resolved.attribute().returned() != Returned.NEVER
                        && resolved.target().returned() != Returned.NEVER);
    }

    /**
     * The values at the path, in document order: one for a single-valued attribute, each value of a multi-valued
     * one, and for {@code emails.value} the {@code value} of each email. Nulls are left out, so an absent attribute,
     * a null one and an empty array all give an empty list; so does a path {@link #resolve} doesn't know.
     */
    public static List<ScimValue> valuesAt(ScimObject resource, AttrPath path) {
        return resolve(path).map(resolved -> valuesAt(resource, resolved)).orElse(List.of());
    }

    /** The values of an attribute already resolved; see {@link #valuesAt(ScimObject, AttrPath)}. */
    public static List<ScimValue> valuesAt(ScimObject resource, ResolvedAttribute attribute) {
        ScimObject container = attribute.extension()
                ? resource.getObject(attribute.schemaUrn()).orElse(ScimObject.EMPTY)
                : resource;
        List<ScimValue> values = flatten(container.get(attribute.attribute().name()));
        if (attribute.subAttribute().isEmpty()) {
            return values;
        }
        return subValues(values, attribute.subAttribute().get().name());
    }

    /** The named member of each object among the values, flattened. */
    static List<ScimValue> subValues(List<ScimValue> values, String member) {
        List<ScimValue> result = new ArrayList<>(values.size());
        for (ScimValue value : values) {
            if (value instanceof ScimObject object) {
                result.addAll(flatten(object.get(member)));
            }
        }
        return result;
    }

    /** An attribute's value as a list: nothing for absent or null, the elements of an array, else the value. */
    static List<ScimValue> flatten(Optional<ScimValue> value) {
        if (value.isEmpty() || value.get().isNull()) {
            return List.of();
        }
        if (value.get() instanceof ScimArray array) {
            return array.values().stream().filter(element -> !element.isNull()).toList();
        }
        return List.of(value.get());
    }

    /**
     * Whether a value counts as present for {@code pr} (RFC 7644 §3.4.2.2: "a non-empty value, or ... a non-empty
     * node for complex attributes"): null, {@code ""}, {@code []} and {@code {}} don't, nor do arrays and objects
     * holding only such values.
     */
    static boolean isPresent(ScimValue value) {
        if (value instanceof ScimString string) {
            return !string.value().isEmpty();
        }
        if (value instanceof ScimArray array) {
            return array.values().stream().anyMatch(AttributeValues::isPresent);
        }
        if (value instanceof ScimObject object) {
            return object.members().values().stream().anyMatch(AttributeValues::isPresent);
        }
        return value instanceof ScimNumber || value instanceof ScimBoolean;
    }
}
