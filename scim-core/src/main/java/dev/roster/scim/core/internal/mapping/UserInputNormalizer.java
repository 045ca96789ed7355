package dev.roster.scim.core.internal.mapping;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.ScimDateTime;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a User representation as a client sent it (a POST or PUT body, a PATCH value) into Roster's canonical
 * form, following the schemas in {@link UserSchemas}:
 * <ul>
 *   <li>attribute names take their schema spelling ({@code USERNAME} becomes {@code userName}); extension
 *       attributes move into an object under the extension's URN, also when sent URN-qualified at top level
 *       ({@code "urn:…:enterprise:2.0:User:department"}) or dotted ({@code "name.givenName"}), as Entra ID does;</li>
 *   <li>attributes no schema defines, {@code schemas}, read-only attributes ({@code id}, {@code meta},
 *       {@code groups}) and {@code null} values are dropped (RFC 7643 §2.5, RFC 7644 §3.3: the server ignores
 *       read-only values it is sent);</li>
 *   <li>values are checked against the attribute's type, tolerating what identity providers really send: booleans
 *       as the strings {@code "True"}/{@code "false"}, a single value or object where an array belongs
 *       (OneLogin's {@code emails}), a bare string for a complex attribute with a {@code value} sub-attribute
 *       (Entra ID's {@code manager}). Anything else of the wrong type is {@code 400 invalidValue};</li>
 *   <li>at most one value of a multi-valued attribute may be {@code primary} (RFC 7643 §2.4).</li>
 * </ul>
 *
 * <pre>{@code
 * ScimObject canonical = UserInputNormalizer.normalize(body);
 * }</pre>
 */
public final class UserInputNormalizer {

    /**
     * The most values one multi-valued attribute may hold (emails, phone numbers…). Real users have a few; the cap
     * keeps a hostile list from making every later PATCH of that user slow.
     */
    public static final int MAX_VALUES = 1_000;

    private UserInputNormalizer() {
    }

    /** The canonical form of a whole User representation. */
    public static ScimObject normalize(ScimObject input) {
        Map<String, ScimValue> result = new LinkedHashMap<>();
        input.forEach((key, value) -> {
            if (key.equalsIgnoreCase("schemas") || value.isNull()) {
                return;
            }
            if (key.equalsIgnoreCase(UserSchemas.CORE_USER) && value instanceof ScimObject coreMembers) {
                // A few clients wrap core attributes in an object under the core schema URN.
                normalize(coreMembers).forEach(result::put);
                return;
            }
            Optional<String> extension = key.regionMatches(true, 0, "urn:", 0, 4)
                    ? UserAttributeResolver.canonicalExtensionUrn(key)
                    : Optional.empty();
            if (extension.isPresent() && value instanceof ScimObject members) {
                members.forEach((member, memberValue) -> AttributePath
                        .resolve(key + ":" + member)
                        .ifPresent(resolved -> place(result, resolved, memberValue)));
            } else {
                AttributePath.resolve(key).ifPresent(resolved -> place(result, resolved, value));
            }
        });
        return new ScimObject(result);
    }

    /**
     * The canonical form of a value for one attribute or sub-attribute; JSON {@code null} stays null, which callers
     * treat as "unassigned".
     *
     * @param name the attribute's name for error messages
     */
    public static ScimValue normalizeValue(AttributeDefinition attribute, ScimValue value, String name) {
        if (value.isNull()) {
            return value;
        }
        if (!attribute.multiValued()) {
            if (value instanceof ScimArray) {
                throw ScimException.invalidValue("The attribute '" + name + "' is single-valued, but an array was sent.");
            }
            return normalizeSingle(attribute, value, name);
        }
        List<ScimValue> values = new ArrayList<>();
        List<ScimValue> sent = value instanceof ScimArray array ? array.values() : List.of(value);
        for (ScimValue element : sent) {
            if (element.isNull()) {
                continue;
            }
            if (element instanceof ScimArray) {
                throw ScimException.invalidValue("The attribute '" + name + "' holds values, not nested arrays.");
            }
            ScimValue normalized = normalizeSingle(attribute, element, name);
            if (!(normalized instanceof ScimObject object && object.isEmpty())) {
                values.add(normalized);
            }
        }
        ScimArray result = new ScimArray(values);
        requireAtMostOnePrimary(result, name);
        requireBounded(result, name);
        return result;
    }

    /** {@code 400 invalidValue} when a multi-valued attribute of the resource, or of its extensions, is too long. */
    public static void requireBoundedValues(ScimObject resource) {
        resource.forEach((name, value) -> {
            if (value instanceof ScimArray array) {
                requireBounded(array, name);
            } else if (value instanceof ScimObject extension && name.regionMatches(true, 0, "urn:", 0, 4)) {
                requireBoundedValues(extension);
            }
        });
    }

    private static void requireBounded(ScimArray values, String name) {
        if (values.size() > MAX_VALUES) {
            throw ScimException.invalidValue("The attribute '" + name + "' may hold at most " + MAX_VALUES
                    + " values; it would hold " + values.size() + ".");
        }
    }

    /** {@code 400 invalidValue} when more than one value is {@code primary: true} (RFC 7643 §2.4). */
    public static void requireAtMostOnePrimary(ScimArray values, String name) {
        long primaries = values.values().stream()
                .filter(value -> value instanceof ScimObject object && object.getBoolean("primary").orElse(false))
                .count();
        if (primaries > 1) {
            throw ScimException.invalidValue("At most one value of '" + name + "' may be primary; " + primaries
                    + " were.");
        }
    }

    private static void place(Map<String, ScimValue> result, ResolvedAttribute resolved, ScimValue value) {
        AttributeDefinition attribute = resolved.attribute();
        if (attribute.mutability() == Mutability.READ_ONLY || value.isNull()) {
            return;
        }
        Map<String, ScimValue> container = resolved.extension()
                ? extensionMembers(result, resolved.schemaUrn())
                : result;
        if (resolved.subAttribute().isEmpty()) {
            ScimValue normalized = normalizeValue(attribute, value, resolved.canonicalName());
            if (!isEmpty(normalized)) {
                putIgnoringCase(container, attribute.name(), normalized);
            }
        } else {
            placeSubAttribute(container, resolved, value);
        }
        if (resolved.extension()) {
            ScimObject members = new ScimObject(container);
            if (members.isEmpty()) {
                result.remove(resolved.schemaUrn());
            } else {
                result.put(resolved.schemaUrn(), members);
            }
        }
    }

    private static void placeSubAttribute(Map<String, ScimValue> container, ResolvedAttribute resolved,
                                          ScimValue value) {
        AttributeDefinition attribute = resolved.attribute();
        AttributeDefinition sub = resolved.subAttribute().orElseThrow();
        if (attribute.multiValued()) {
            throw ScimException.invalidValue("'" + resolved.canonicalName() + "' names a sub-attribute of the "
                    + "multi-valued '" + attribute.name() + "'; send '" + attribute.name() + "' as an array of values.");
        }
        if (sub.mutability() == Mutability.READ_ONLY) {
            return;
        }
        ScimValue normalized = normalizeSingle(sub, value, resolved.canonicalName());
        ScimObject existing = container.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(attribute.name()))
                .map(Map.Entry::getValue)
                .filter(ScimObject.class::isInstance)
                .map(ScimObject.class::cast)
                .findFirst()
                .orElse(ScimObject.EMPTY);
        putIgnoringCase(container, attribute.name(), existing.with(sub.name(), normalized));
    }

    private static Map<String, ScimValue> extensionMembers(Map<String, ScimValue> result, String urn) {
        ScimValue existing = result.get(urn);
        return existing instanceof ScimObject object ? new LinkedHashMap<>(object.members()) : new LinkedHashMap<>();
    }

    private static ScimValue normalizeSingle(AttributeDefinition attribute, ScimValue value, String name) {
        return switch (attribute.type()) {
            case STRING, REFERENCE, BINARY -> requireString(value, name);
            case DATE_TIME -> requireDateTime(value, name);
            case BOOLEAN -> requireBoolean(value, name);
            case INTEGER -> {
                if (value instanceof ScimNumber number && number.isIntegral()) {
                    yield number;
                }
                throw wrongType(name, "an integer", value);
            }
            case DECIMAL -> {
                if (value instanceof ScimNumber number) {
                    yield number;
                }
                throw wrongType(name, "a number", value);
            }
            case COMPLEX -> normalizeComplex(attribute, value, name);
        };
    }

    private static ScimValue normalizeComplex(AttributeDefinition attribute, ScimValue value, String name) {
        if (value instanceof ScimString && attribute.subAttribute("value").isPresent()) {
            // Entra ID sends {"path": "…:manager", "value": "<id>"}; OneLogin may send an email as a bare string.
            return ScimObject.builder().put("value", value).build();
        }
        if (!(value instanceof ScimObject object)) {
            throw wrongType(name, "an object", value);
        }
        Map<String, ScimValue> members = new LinkedHashMap<>();
        object.forEach((member, memberValue) -> attribute.subAttribute(member)
                .filter(sub -> sub.mutability() != Mutability.READ_ONLY && !memberValue.isNull())
                .ifPresent(sub -> members.put(sub.name(),
                        normalizeSingle(sub, memberValue, name + "." + sub.name()))));
        return new ScimObject(members);
    }

    private static ScimValue requireString(ScimValue value, String name) {
        if (value instanceof ScimString) {
            return value;
        }
        throw wrongType(name, "a string", value);
    }

    private static ScimValue requireDateTime(ScimValue value, String name) {
        if (value instanceof ScimString string) {
            if (ScimDateTime.isValid(string.value())) {
                return value;
            }
            throw ScimException.invalidValue("The attribute '" + name + "' must be an xsd:dateTime such as "
                    + "2025-06-26T10:15:30Z (RFC 7643 §2.3.5).");
        }
        throw wrongType(name, "a dateTime string", value);
    }

    private static ScimValue requireBoolean(ScimValue value, String name) {
        if (value instanceof ScimBoolean) {
            return value;
        }
        if (value instanceof ScimString string) {
            String text = string.value().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return ScimValue.of(text.equals("true"));
            }
        }
        throw wrongType(name, "a boolean (true or false)", value);
    }

    private static ScimException wrongType(String name, String expected, ScimValue value) {
        return ScimException.invalidValue("The attribute '" + name + "' must be " + expected + ", not a "
                + value.jsonType() + ".");
    }

    private static boolean isEmpty(ScimValue value) {
        return value.isNull()
                || value instanceof ScimArray array && array.isEmpty()
                || value instanceof ScimObject object && object.isEmpty();
    }

    private static void putIgnoringCase(Map<String, ScimValue> map, String name, ScimValue value) {
        map.keySet().removeIf(key -> key.equalsIgnoreCase(name));
        map.put(name, value);
    }
}
