package dev.roster.scim.core.filter;

import dev.roster.scim.core.model.UserSchemas;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random filter ASTs of the kind the parser produces: paths with and without schema URNs and sub-attributes (names
 * that collide with keywords included), every operator with the values it takes, strings full of characters that
 * need escaping, numbers of every scale, and {@code and}/{@code or}/{@code not}/value filters nested a few levels.
 */
final class FilterArbitraries {

    private static final List<String> KNOWN_NAMES = List.of("userName", "title", "emails", "name", "meta", "active",
            "value", "type", "primary", "givenName", "familyName", "created", "lastModified", "manager",
            "department", "externalId", "id", "schemas", "stackUserType", "x509Certificates", "password",
            "not", "and", "or", "pr", "eq", "true", "null", "$ref", "$REF", "x-y_z", "unknownThing");

    private FilterArbitraries() {
    }

    /** Filters nested up to {@code depth} levels of and/or/not/value filter. */
    static Arbitrary<Filter> filters(int depth) {
        return filter(depth, false);
    }

    private static Arbitrary<Filter> filter(int depth, boolean inValueFilter) {
        Arbitrary<Filter> leaf = Arbitraries.frequencyOf(Tuple.of(4, comparisons()), Tuple.of(1, presence()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> operand = filter(depth - 1, inValueFilter);
        Arbitrary<Filter> and = operand.list().ofMinSize(2).ofMaxSize(3).map(Filter.And::of);
        Arbitrary<Filter> or = operand.list().ofMinSize(2).ofMaxSize(3).map(Filter.Or::of);
        Arbitrary<Filter> not = operand.map(Filter::not);
        if (inValueFilter) {
            return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, and), Tuple.of(2, or), Tuple.of(1, not));
        }
        Arbitrary<Filter> valuePath = Combinators.combine(paths(), filter(depth - 1, true)).as(Filter::valuePath);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, and), Tuple.of(2, or), Tuple.of(1, not),
                Tuple.of(1, valuePath));
    }

    static Arbitrary<Filter> presence() {
        return paths().map(Filter::present);
    }

    static Arbitrary<Filter> comparisons() {
        return Arbitraries.of(CompareOp.class).flatMap(op -> Combinators.combine(paths(), valuesFor(op))
                .as((path, value) -> Filter.compare(path, op, value)));
    }

    /** The values the parser accepts after the operator. */
    static Arbitrary<CompValue> valuesFor(CompareOp op) {
        Arbitrary<CompValue> strings = strings().map(CompValue::of);
        Arbitrary<CompValue> numbers = numbers().map(CompValue::of);
        return switch (op) {
            case EQ, NE -> Arbitraries.frequencyOf(Tuple.of(4, strings), Tuple.of(2, numbers),
                    Tuple.of(1, Arbitraries.of(true, false).map(CompValue::of)),
                    Tuple.of(1, Arbitraries.just(CompValue.nullValue())));
            case CO, SW, EW -> strings;
            case GT, GE, LT, LE -> Arbitraries.frequencyOf(Tuple.of(3, strings), Tuple.of(1, numbers));
        };
    }

    static Arbitrary<AttrPath> paths() {
        return Combinators.combine(schemaUrns().optional(0.3), names(), names().optional(0.4)).as(AttrPath::new);
    }

    static Arbitrary<String> names() {
        Arbitrary<String> random = Combinators.combine(Arbitraries.chars().alpha(),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                        .withChars("-_").ofMaxLength(8)).as((first, rest) -> first + rest);
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(KNOWN_NAMES)), Tuple.of(1, random));
    }

    static Arbitrary<String> schemaUrns() {
        Arbitrary<String> known = Arbitraries.of(UserSchemas.CORE_USER, UserSchemas.ENTERPRISE_USER,
                UserSchemas.ROLE_EXTENSION, UserSchemas.ENTERPRISE_USER.toUpperCase(Locale.ROOT),
                UserSchemas.CORE_USER.toLowerCase(Locale.ROOT),
                "urn:ietf:params:scim:schemas:extension:CustomName:2.0:User");
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars(".-_").ofMinLength(1).ofMaxLength(6).list().ofMinSize(1).ofMaxSize(4)
                .map(segments -> "urn:" + String.join(":", segments));
        return Arbitraries.frequencyOf(Tuple.of(2, known), Tuple.of(1, random));
    }

    /** Strings with quotes, backslashes, control characters, non-ASCII and characters beyond U+FFFF. */
    static Arbitrary<String> strings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', (int) '[', (int) ')')),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x7F, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(8)
                .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()));
    }

    /** Integers and decimals of every sign, size and scale, plain and with large exponents. */
    static Arbitrary<BigDecimal> numbers() {
        BigInteger bound = BigInteger.TEN.pow(25);
        return Combinators.combine(Arbitraries.bigIntegers().between(bound.negate(), bound),
                Arbitraries.integers().between(-60, 60)).as(BigDecimal::new);
    }

}
