package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.ScimDateTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orders User resources for {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3), comparing values the way
 * filters do ({@link FilterEvaluator}): strings in their comparable form (identifiers by their identifier-profile key,
 * other text folded with {@link CaseFolding#fold}, case-exact text as it is), then by code
 * point; dateTimes in time; numbers by value; {@code false} before {@code true}.
 *
 * <ul>
 *   <li>Resources without a value sort last in ascending order and first in descending order. "Without a value"
 *       is what {@code pr} says: an empty string is no value either.</li>
 *   <li>A multi-valued attribute sorts by its primary value, else by its first ({@code emails.value}, or
 *       {@code emails} which means its {@code value}).</li>
 *   <li>A path the User schemas don't know or a complex attribute without a {@code value} sub-attribute orders
 *       nothing: every resource compares equal, so the store's tie-break (by id) decides.</li>
 * </ul>
 *
 * <pre>{@code
 * users.sort(SortOrdering.comparator(AttrPath.of("name", "familyName"), true));
 * }</pre>
 */
public final class SortOrdering {

    private SortOrdering() {
    }

    /**
     * The order of resources by the value at the path; never throws.
     *
     * @param path      the {@code sortBy} path
     * @param ascending {@code true} for {@code sortOrder=ascending} (the default), {@code false} for descending
     * @return the order of User resources, their full SCIM JSON; ties compare equal
     */
    public static Comparator<ScimObject> comparator(AttrPath path, boolean ascending) {
        Comparator<ScimObject> order = AttributeValues.resolve(path).map(SortOrdering::byValue)
                .orElse((left, right) -> 0);
        return ascending ? order : order.reversed();
    }

    private static Comparator<ScimObject> byValue(ResolvedAttribute resolved) {
        AttributeDefinition attribute = resolved.attribute();
        Optional<AttributeDefinition> sub = resolved.subAttribute()
                .or(() -> attribute.isComplex() ? attribute.subAttribute("value") : Optional.empty());
        AttributeDefinition target = sub.orElse(attribute);
        if (target.isComplex()) {
            return (left, right) -> 0;
        }
        ResolvedAttribute whole = new ResolvedAttribute(resolved.schemaUrn(), resolved.extension(), attribute,
                Optional.empty());
        Function<ScimObject, Optional<ScimValue>> pick = resource ->
                sortValue(AttributeValues.valuesAt(resource, whole), sub.map(AttributeDefinition::name))
                        .filter(AttributeValues::isPresent);
        return switch (target.type()) {
            case STRING, REFERENCE, BINARY -> {
                Function<String, String> normalize = ValueMatchers.comparableForm(target);
                yield by(pick, value -> value instanceof ScimString string
                        ? Optional.of(normalize.apply(string.value())) : Optional.empty(), CaseFolding.CODE_POINT_ORDER);
            }
            case BOOLEAN -> by(pick, ValueMatchers::booleanOf, Comparator.<Boolean>naturalOrder());
            case INTEGER, DECIMAL -> by(pick, ValueMatchers::numberOf, Comparator.<BigDecimal>naturalOrder());
            case DATE_TIME -> SortOrdering.<Instant>by(pick, value -> value instanceof ScimString string
                    ? ScimDateTime.parse(string.value()) : Optional.empty(), Comparator.naturalOrder());
            case COMPLEX -> (left, right) -> 0;
        };
    }

    /** The primary value if one is marked primary, else the first: RFC 7644 §3.4.2.3 for multi-valued attributes. */
    private static Optional<ScimValue> sortValue(List<ScimValue> values, Optional<String> sub) {
        Optional<ScimValue> primary = values.stream().filter(SortOrdering::isPrimary).findFirst();
        Optional<ScimValue> chosen = primary.or(() -> values.stream().findFirst());
        if (sub.isEmpty()) {
            return chosen;
        }
        return chosen.filter(ScimObject.class::isInstance)
                .flatMap(value -> ((ScimObject) value).getAssigned(sub.get()));
    }

    private static boolean isPrimary(ScimValue value) {
        return value instanceof ScimObject object
                && object.get("primary").flatMap(ValueMatchers::booleanOf).orElse(false);
    }

    private static <K> Comparator<ScimObject> by(Function<ScimObject, Optional<ScimValue>> pick,
                                                 Function<ScimValue, Optional<K>> key, Comparator<K> order) {
        Comparator<Optional<K>> missingLast = (left, right) -> {
            if (left.isPresent() && right.isPresent()) {
                return order.compare(left.get(), right.get());
            }
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        };
        return Comparator.comparing(resource -> pick.apply(resource).flatMap(key), missingLast);
    }
}
