package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.FilterPrinter;
import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.ResolvedAttribute;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The value filters of PATCH paths ({@code emails[type eq "work"]}): their check against the attribute's
 * sub-attributes, their evaluation against one value, and the value that an equality filter describes.
 */
final class ValueFilters {

    private ValueFilters() {
    }

    /**
     * {@code 400 invalidPath} unless every path in the filter names a sub-attribute of the multi-valued attribute,
     * relative to one value ({@code type}, not {@code emails.type}); a filter on names the attribute does not have
     * could never select anything, so it is a mistake in the path, not an empty selection.
     */
    static void requireSubAttributePaths(Filter filter, AttributeDefinition attribute, String name) {
        paths(filter, name).forEach(path -> {
            boolean relative = path.schemaUrn().isEmpty() && path.subAttribute().isEmpty();
            if (!relative || attribute.subAttribute(path.attribute()).isEmpty()) {
                throw ScimException.invalidPath("The value filter of '" + name + "' names '" + path
                        + "', which is not a sub-attribute of '" + name + "'.");
            }
        });
    }

    private static Stream<AttrPath> paths(Filter filter, String name) {
        return filter.accept(new Filter.Visitor<Stream<AttrPath>>() {
            @Override
            public Stream<AttrPath> visitCompare(Filter.Compare compare) {
                return Stream.of(compare.path());
            }

            @Override
            public Stream<AttrPath> visitPresent(Filter.Present present) {
                return Stream.of(present.path());
            }

            @Override
            public Stream<AttrPath> visitAnd(Filter.And and) {
                return and.operands().stream().flatMap(operand -> operand.accept(this));
            }

            @Override
            public Stream<AttrPath> visitOr(Filter.Or or) {
                return or.operands().stream().flatMap(operand -> operand.accept(this));
            }

            @Override
            public Stream<AttrPath> visitNot(Filter.Not not) {
                return not.operand().accept(this);
            }

            @Override
            public Stream<AttrPath> visitValuePath(Filter.ValuePath valuePath) {
                throw ScimException.invalidPath("The value filter of '" + name + "' holds another value filter ('"
                        + valuePath.attribute() + "[...]'); value filters do not nest.");
            }
        });
    }

    /**
     * A test of one value of the attribute against the filter, with the evaluator's semantics (case folding where the
     * sub-attribute is not caseExact, booleans and dateTimes by type). A filter the evaluator refuses for this
     * attribute ({@code emails[primary gt true]}) makes the path {@code 400 invalidPath}.
     */
    static Predicate<ScimValue> selector(Filter filter, ResolvedAttribute attribute, String name) {
        AttrPath path = attribute.extension()
                ? AttrPath.qualified(attribute.schemaUrn(), attribute.attribute().name())
                : AttrPath.of(attribute.attribute().name());
        FilterEvaluator evaluator;
        try {
            evaluator = FilterEvaluator.of(Filter.valuePath(path, filter));
        } catch (ScimException e) {
            throw ScimException.invalidPath("The value filter of '" + name + "' cannot apply: " + e.detail());
        }
        // The evaluator reads whole resources, so each value is tested as the only value of a resource.
        return value -> evaluator.matches(AttributeSlots.write(ScimObject.EMPTY, attribute, ScimArray.of(value)));
    }

    /**
     * The value an equality filter describes: for {@code type eq "work"} (or several {@code eq} joined by
     * {@code and}, each on a different sub-attribute) the object {@code {"type": "work"}}, with the sub-attributes
     * spelled as the schema does. Empty for any other filter, which describes no single value.
     */
    static Optional<ScimObject> describedValue(Filter filter, AttributeDefinition attribute) {
        Map<String, ScimValue> members = new LinkedHashMap<>();
        boolean described = filter.accept(new Filter.Visitor<Boolean>() {
            @Override
            public Boolean visitCompare(Filter.Compare compare) {
                if (compare.op() != CompareOp.EQ || compare.value().isNull()) {
                    return false;
                }
                Optional<AttributeDefinition> sub = attribute.subAttribute(compare.path().attribute());
                if (sub.isEmpty() || members.keySet().stream().anyMatch(sub.get().name()::equalsIgnoreCase)) {
                    return false;
                }
                members.put(sub.get().name(), compare.value().value());
                return true;
            }

            @Override
            public Boolean visitPresent(Filter.Present present) {
                return false;
            }

            @Override
            public Boolean visitAnd(Filter.And and) {
                return and.operands().stream().allMatch(operand -> operand.accept(this));
            }

            @Override
            public Boolean visitOr(Filter.Or or) {
                return false;
            }

            @Override
            public Boolean visitNot(Filter.Not not) {
                return false;
            }

            @Override
            public Boolean visitValuePath(Filter.ValuePath valuePath) {
                return false;
            }
        });
        return described ? Optional.of(new ScimObject(members)) : Optional.empty();
    }

    /** The filter as text, for messages. */
    static String print(Filter filter) {
        return FilterPrinter.print(filter);
    }
}
