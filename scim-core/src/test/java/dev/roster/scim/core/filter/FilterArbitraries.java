package dev.roster.scim.core.filter;

import dev.roster.scim.core.schema.UserSchemas;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
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

    /** Filters nested up to {@code depth} levels of and/or/not/value filter, over any paths and values. */
    static Arbitrary<Filter> filters(int depth) {
        return filter(new Vocabulary(paths(), paths(), FilterArbitraries::valuesFor), depth, false);
    }

    /**
     * Filters over the User's own attributes and values like those of {@link SampleUsers}, so that they match
     * some users and not others.
     */
    static Arbitrary<Filter> userFilters(int depth) {
        Arbitrary<AttrPath> paths = Arbitraries.of(
                AttrPath.of("userName"), AttrPath.of("title"), AttrPath.of("active"), AttrPath.of("emails"),
                AttrPath.of("emails", "value"), AttrPath.of("emails", "type"), AttrPath.of("emails", "primary"),
                AttrPath.of("name", "givenName"), AttrPath.of("name"), AttrPath.of("meta", "created"),
                AttrPath.of("externalId"), AttrPath.of("id"), AttrPath.of("schemas"), AttrPath.of("phoneNumbers"),
                AttrPath.of("password"), AttrPath.of("unknownThing"),
                new AttrPath(Optional.of(UserSchemas.ENTERPRISE_USER), "department", Optional.empty()),
                new AttrPath(Optional.of(UserSchemas.ENTERPRISE_USER), "manager", Optional.of("value")));
        Arbitrary<AttrPath> inner = Arbitraries.of("type", "value", "primary", "givenName", "display", "TYPE")
                .map(AttrPath::of);
        Arbitrary<CompValue> strings = Arbitraries.of("work", "home", "émile", "ÉMILE", "ann", "bob", "Writer", "",
                "e", "example.com", "Tour", "42", "Ext-1", "2011-05-13T04:42:34Z", "2019-12-31T23:00:00Z", "true",
                UserSchemas.ENTERPRISE_USER).map(CompValue::of);
        Arbitrary<CompValue> others = Arbitraries.of(CompValue.of(true), CompValue.of(false), CompValue.nullValue(),
                CompValue.of(42));
        return filter(new Vocabulary(paths, inner, op -> switch (op) {
            case EQ, NE -> Arbitraries.frequencyOf(Tuple.of(4, strings), Tuple.of(1, others));
            case CO, SW, EW -> strings;
            case GT, GE, LT, LE -> Arbitraries.frequencyOf(Tuple.of(6, strings),
                    Tuple.of(1, Arbitraries.just(CompValue.of(42))));
        }), depth, false);
    }

    /** What leaves are made of: paths at the top and inside value filters, and the values each operator takes. */
    private record Vocabulary(Arbitrary<AttrPath> paths, Arbitrary<AttrPath> innerPaths,
                              Function<CompareOp, Arbitrary<CompValue>> values) {
        Vocabulary inside() {
            return new Vocabulary(innerPaths, innerPaths, values);
        }

        Arbitrary<Filter> leaves() {
            Arbitrary<Filter> comparisons = Arbitraries.of(CompareOp.class).flatMap(op ->
                    Combinators.combine(paths, values.apply(op)).as((path, value) -> Filter.compare(path, op, value)));
            return Arbitraries.frequencyOf(Tuple.of(4, comparisons), Tuple.of(1, paths.map(Filter::present)));
        }
    }

    private static Arbitrary<Filter> filter(Vocabulary vocabulary, int depth, boolean inValueFilter) {
        Arbitrary<Filter> leaf = vocabulary.leaves();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> operand = filter(vocabulary, depth - 1, inValueFilter);
        Arbitrary<Filter> and = operand.list().ofMinSize(2).ofMaxSize(3).map(Filter.And::of);
        Arbitrary<Filter> or = operand.list().ofMinSize(2).ofMaxSize(3).map(Filter.Or::of);
        Arbitrary<Filter> not = operand.map(Filter::not);
        if (inValueFilter) {
            return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, and), Tuple.of(2, or), Tuple.of(1, not));
        }
        Arbitrary<Filter> valuePath = Combinators.combine(vocabulary.paths(),
                filter(vocabulary.inside(), depth - 1, true)).as(Filter::valuePath);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, and), Tuple.of(2, or), Tuple.of(1, not),
                Tuple.of(1, valuePath));
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
