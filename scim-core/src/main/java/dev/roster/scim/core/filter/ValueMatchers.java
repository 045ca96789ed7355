package dev.roster.scim.core.filter;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.json.ScimBoolean;
import dev.roster.scim.core.json.ScimNumber;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.AttributeType;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.core.schema.ScimDateTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Compares one attribute value with a filter's literal according to the attribute's type and {@code caseExact}
 * (RFC 7644 §3.4.2.2, RFC 7643 §2.3). The literal is checked and converted once, when the filter is compiled, so
 * that a bad filter fails with {@code invalidFilter} whether or not any resource has the attribute; a stored value
 * of the wrong type simply doesn't match.
 */
final class ValueMatchers {

    private static final String EXAMPLE_DATE_TIME = "\"2011-05-13T04:42:34Z\"";

    private ValueMatchers() {
    }

    /**
     * A test of one value against the literal with the operator; {@code ne} tests "not equal" for one value (the
     * evaluator applies {@code ne} to a whole attribute as "no value is equal").
     *
     * @throws ScimException {@code invalidFilter} if the operator or the literal doesn't suit the attribute's type
     */
    static Predicate<ScimValue> compile(AttributeDefinition definition, CompareOp op, ScimValue literal,
                                        AttrPath path) {
        return switch (definition.type()) {
            case STRING, REFERENCE, BINARY -> strings(definition, op, literal, path);
            case BOOLEAN -> booleans(op, literal, path);
            case INTEGER, DECIMAL -> numbers(definition, op, literal, path);
            case DATE_TIME -> dateTimes(op, literal, path);
            case COMPLEX -> throw complexNeedsSubAttribute(path);
        };
    }

    static ScimException complexNeedsSubAttribute(AttrPath path) {
        return ScimException.invalidFilter("Attribute \"" + path + "\" is complex: name one of its sub-attributes,"
                + " such as \"" + path + ".value\" (RFC 7644 §3.4.2.2)");
    }

    /**
     * RFC 7643 makes binary (§2.3.6) and reference (§2.3.7) values case-exact by type; for strings the attribute's
     * {@code caseExact} decides (§2.2).
     */
    static boolean isCaseExact(AttributeDefinition definition) {
        return definition.caseExact() || definition.type() == AttributeType.BINARY
                || definition.type() == AttributeType.REFERENCE;
    }

    /**
     * How a text attribute's values are put in comparable form: as they are when case-exact, by the identifier
     * profile's key for identifiers ({@code userName}, {@code emails.value}: ADR 014), else by {@link CaseFolding}.
     */
    static UnaryOperator<String> comparableForm(AttributeDefinition definition) {
        if (isCaseExact(definition)) {
            return UnaryOperator.identity();
        }
        return definition.identifier() ? IdentifierProfile::key : CaseFolding::fold;
    }

    /** A boolean, also when written as the string {@code "true"} or {@code "false"} in any case. */
    static Optional<Boolean> booleanOf(ScimValue value) {
        if (value instanceof ScimBoolean bool) {
            return Optional.of(bool.value());
        }
        if (value instanceof ScimString string) {
            String text = string.value().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(text.equals("true"));
            }
        }
        return Optional.empty();
    }

    /** A number, also when written as a string holding a JSON number. */
    static Optional<BigDecimal> numberOf(ScimValue value) {
        if (value instanceof ScimNumber number) {
            return Optional.of(number.value());
        }
        if (value instanceof ScimString string) {
            try {
                return ScimNumber.parse(string.value()).map(ScimNumber::value);
            } catch (ScimException outOfRange) {
                // A stored string beyond the bounds is no number this filter can compare: it doesn't match.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Predicate<ScimValue> strings(AttributeDefinition definition, CompareOp op, ScimValue literal,
                                                AttrPath path) {
        if (!(literal instanceof ScimString string)) {
            throw wrongLiteral(path, definition.type(), "a JSON string", literal);
        }
        if (definition.type() == AttributeType.BINARY && op.isOrdering()) {
            throw ScimException.invalidFilter("Binary attribute \"" + path + "\" can't be ordered with \""
                    + op.keyword() + "\" (RFC 7644 §3.4.2.2)");
        }
        UnaryOperator<String> normalize = comparableForm(definition);
        String expected = normalize.apply(string.value());
        BiPredicate<String, String> test = textTest(op);
        return value -> value instanceof ScimString actual && test.test(normalize.apply(actual.value()), expected);
    }

    private static Predicate<ScimValue> booleans(CompareOp op, ScimValue literal, AttrPath path) {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
            throw ScimException.invalidFilter("Boolean attribute \"" + path + "\" takes only eq and ne, not \""
                    + op.keyword() + "\"" + (op.isOrdering() ? " (RFC 7644 §3.4.2.2: booleans can't be ordered)" : ""));
        }
        boolean expected = booleanOf(literal)
                .orElseThrow(() -> wrongLiteral(path, AttributeType.BOOLEAN, "true or false", literal));
        boolean equal = op == CompareOp.EQ;
        return value -> booleanOf(value).map(actual -> (actual == expected) == equal).orElse(false);
    }

    private static Predicate<ScimValue> numbers(AttributeDefinition definition, CompareOp op, ScimValue literal,
                                                AttrPath path) {
        if (op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW) {
            throw ScimException.invalidFilter("Number attribute \"" + path + "\" can't be matched with \""
                    + op.keyword() + "\"; that operator is for strings");
        }
        BigDecimal expected = numberOf(literal)
                .orElseThrow(() -> wrongLiteral(path, definition.type(), "a JSON number", literal));
        return value -> numberOf(value).map(actual -> holds(op, actual.compareTo(expected))).orElse(false);
    }

    private static Predicate<ScimValue> dateTimes(CompareOp op, ScimValue literal, AttrPath path) {
        if (!(literal instanceof ScimString string)) {
            throw wrongLiteral(path, AttributeType.DATE_TIME, "a string such as " + EXAMPLE_DATE_TIME, literal);
        }
        if (op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW) {
            // Substrings of a timestamp are text, not time: "2011-05" sw-matches every May 2011 timestamp as written.
            BiPredicate<String, String> test = textTest(op);
            String expected = string.value();
            return value -> value instanceof ScimString actual && test.test(actual.value(), expected);
        }
        Instant expected = ScimDateTime.parse(string.value()).orElseThrow(() -> ScimException.invalidFilter(
                JsonText.quote(string.value()) + " is not a dateTime; \"" + path + "\" compares with ISO 8601 times"
                        + " such as " + EXAMPLE_DATE_TIME));
        return value -> value instanceof ScimString actual
                && ScimDateTime.parse(actual.value()).map(time -> holds(op, time.compareTo(expected))).orElse(false);
    }

    private static BiPredicate<String, String> textTest(CompareOp op) {
        return switch (op) {
            case EQ -> String::equals;
            case NE -> (actual, expected) -> !actual.equals(expected);
            case CO -> String::contains;
            case SW -> String::startsWith;
            case EW -> String::endsWith;
            case GT, GE, LT, LE -> (actual, expected) -> holds(op, CaseFolding.compareCodePoints(actual, expected));
        };
    }

    /** Whether an ordering operator holds given {@code actual.compareTo(expected)}. */
    private static boolean holds(CompareOp op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case CO, SW, EW -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    private static ScimException wrongLiteral(AttrPath path, AttributeType type, String expected, ScimValue literal) {
        return ScimException.invalidFilter("Attribute \"" + path + "\" is a " + type.scimName() + "; compare it with "
                + expected + ", not a " + literal.jsonType());
    }
}
