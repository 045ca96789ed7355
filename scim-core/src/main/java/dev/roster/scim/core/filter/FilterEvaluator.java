package dev.roster.scim.core.filter;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.Returned;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates a {@link Filter} against User resources in memory, with the semantics of RFC 7644 §3.4.2.2 over the
 * User schemas. {@link #of(Filter)} checks the filter against the schemas once and compiles it; {@link #matches}
 * then never throws. The resource is its full SCIM JSON (extension attributes in an object under the extension's
 * URN, {@code meta.created} and {@code meta.lastModified} as ISO 8601 strings).
 *
 * <pre>{@code
 * FilterEvaluator admins = FilterEvaluator.of(FilterParser.parse("userType eq \"admin\" and active eq true"));
 * List<ScimObject> found = users.stream().filter(admins::matches).toList();
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Absent is null.</b> A missing attribute, JSON {@code null} and an empty array are the same: no value.
 *       A comparison with no value is false, except {@code ne}, which is true: {@code title ne "x"} and
 *       {@code not (title eq "x")} both match users without a title.</li>
 *   <li><b>{@code null} literals.</b> {@code eq null} is exactly {@code not (… pr)} and {@code ne null} is exactly
 *       {@code pr}.</li>
 *   <li><b>Multi-valued attributes.</b> A comparison holds if any value satisfies it ({@code emails.value eq "x"});
 *       {@code ne} holds if no value is equal, so {@code a ne v} always means {@code not (a eq v)}.
 *       A complex attribute compared without a sub-attribute is compared by its {@code value} sub-attribute
 *       ({@code emails co "example.com"}, the RFC's own example, or {@code manager eq "42"}); one that has no
 *       {@code value} ({@code name eq "x"}) is {@code invalidFilter}.</li>
 *   <li><b>{@code pr}</b> holds for a non-empty value: {@code ""}, {@code []}, {@code {}} and null are not present,
 *       nor is an array or object holding only such values.</li>
 *   <li><b>Strings</b> compare in one comparable form on both sides: identifiers ({@code userName},
 *       {@code emails.value}) by {@link dev.roster.scim.core.identifier.IdentifierProfile#key} (ADR 014), other
 *       text with {@link dev.roster.scim.core.schema.CaseFolding#fold}, and {@code caseExact} attributes as they are
 *       (binary and reference values always are, RFC 7643 §2.3.6–7); this holds for {@code co sw ew} and for
 *       ordering too, which is by code point. {@code userName eq "ÉMILE"} and {@code userName eq "ＥＭＩＬＥ"} match
 *       {@code émile}, {@code userName eq "ıan"} does not match {@code ian}; {@code id} and {@code externalId}
 *       compare exactly.</li>
 *   <li><b>dateTime</b> attributes compare as instants; a literal that is not an ISO 8601 dateTime is
 *       {@code invalidFilter} (a value without offset is read as UTC). {@code co sw ew} on a dateTime match the
 *       stored text as written.</li>
 *   <li><b>Booleans</b> take only {@code eq} and {@code ne} ({@code invalidFilter} otherwise; ordering is the RFC's
 *       rule). Identity providers send {@code active eq "true"}, so the strings {@code "true"} and {@code "false"}
 *       in any case are read as booleans; any other literal is {@code invalidFilter}. Ordering binary attributes is
 *       {@code invalidFilter} too (RFC).</li>
 *   <li><b>Literal types.</b> A literal of the wrong JSON type for a known attribute ({@code userName eq 5},
 *       {@code meta.created gt 5}) is {@code invalidFilter}: an IdP that gets no match for a user who exists would
 *       create a duplicate, so saying "wrong filter" is safer than saying "nobody". A stored value of the wrong type
 *       never matches.</li>
 *   <li><b>Unknown attributes</b> are absent: a comparison is false, {@code ne} true, {@code pr} false. RFC 7644
 *       asks for {@code invalidFilter} only for unknown operators; rejecting unknown attributes would break clients
 *       that probe for attributes this server doesn't keep, and every store answers "absent" alike. Attributes
 *       that are never returned ({@code password}, the role alias {@code stackUserType}) count as unknown, so a
 *       filter can't be used to guess them. {@code schemas} is known (a multi-valued string).</li>
 *   <li><b>Value filters</b> ({@code emails[type eq "work" and value co "@x"]}) hold if one value satisfies the
 *       whole value filter. On a single-valued complex attribute the one value is tested ({@code name[givenName eq
 *       "Ann"]} is {@code name.givenName eq "Ann"}). On a known attribute that is not complex ({@code userName[…]},
 *       {@code name.givenName[…]}) it is {@code invalidFilter}; on an unknown one it is false. Paths inside are
 *       sub-attributes of that attribute; anything else there is unknown.</li>
 * </ul>
 */
public final class FilterEvaluator {

    private static final Predicate<ScimObject> ALWAYS = resource -> true;
    private static final Predicate<ScimObject> NEVER = resource -> false;

    private final Predicate<ScimObject> matcher;

    private FilterEvaluator(Predicate<ScimObject> matcher) {
        this.matcher = matcher;
    }

    /**
     * Checks the filter against the User schemas and compiles it.
     *
     * @param filter the filter
     * @return the compiled filter, which holds no state beyond it and may be shared between threads
     * @throws ScimException {@code invalidFilter} if the filter can't apply to User resources (see the class
     *                       documentation)
     */
    public static FilterEvaluator of(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return new FilterEvaluator(filter.accept(new Compiler(Scope.RESOURCE, false)));
    }

    /**
     * Compiles and evaluates in one go; prefer {@link #of(Filter)} for more than one resource.
     *
     * @param filter   the filter
     * @param resource a User resource, its full SCIM JSON
     * @return whether the resource matches
     * @throws ScimException {@code invalidFilter} as {@link #of(Filter)}
     */
    public static boolean matches(Filter filter, ScimObject resource) {
        return of(filter).matches(resource);
    }

    /**
     * Whether the resource matches the filter. Never throws for a resource that is not a User or holds values of
     * the wrong type: those values match nothing.
     *
     * @param resource a User resource, its full SCIM JSON
     * @return {@code true} if it matches
     */
    public boolean matches(ScimObject resource) {
        return matcher.test(Objects.requireNonNull(resource, "resource"));
    }

    /**
     * The filter as a predicate, for streams.
     *
     * @return {@link #matches(ScimObject)} as a predicate
     */
    public Predicate<ScimObject> asPredicate() {
        return this::matches;
    }

    /** A path resolved in a scope: what it is, and how to read its values from an object of that scope. */
    private record Target(AttributeDefinition definition, Function<ScimObject, List<ScimValue>> reader) {
        List<ScimValue> values(ScimObject object) {
            return reader.apply(object);
        }
    }

    /** Where paths are resolved: the resource, or one value of a complex attribute inside a value filter. */
    @FunctionalInterface
    private interface Scope {
        Scope RESOURCE = path -> AttributeValues.resolve(path)
                .map(resolved -> new Target(resolved.target(), resource -> AttributeValues.valuesAt(resource,
                        resolved)));
        Scope NOTHING = path -> Optional.empty();

        Optional<Target> resolve(AttrPath path);

        static Scope within(AttributeDefinition complex) {
            return path -> {
                if (path.schemaUrn().isPresent() || path.subAttribute().isPresent()) {
                    return Optional.empty();
                }
                return complex.subAttribute(path.attribute())
                        .filter(sub -> sub.returned() != Returned.NEVER)
                        .map(sub -> new Target(sub, value -> AttributeValues.flatten(value.get(sub.name()))));
            };
        }
    }

    private static final class Compiler implements Filter.Visitor<Predicate<ScimObject>> {
        private final Scope scope;
        private final boolean inValueFilter;

        Compiler(Scope scope, boolean inValueFilter) {
            this.scope = scope;
            this.inValueFilter = inValueFilter;
        }

        @Override
        public Predicate<ScimObject> visitCompare(Filter.Compare filter) {
            FilterGrammar.operandProblem(filter.op(), filter.value()).ifPresent(problem -> {
                throw ScimException.invalidFilter(problem);
            });
            Optional<Target> target = scope.resolve(filter.path());
            if (filter.value().isNull()) {
                Predicate<ScimObject> present = presence(target);
                return filter.op() == CompareOp.EQ ? present.negate() : present;
            }
            if (target.isEmpty()) {
                return filter.op() == CompareOp.NE ? ALWAYS : NEVER;
            }
            Target compared = comparable(target.get(), filter.path());
            boolean negated = filter.op() == CompareOp.NE;
            Predicate<ScimValue> test = ValueMatchers.compile(compared.definition(),
                    negated ? CompareOp.EQ : filter.op(), filter.value().value(), filter.path());
            Predicate<ScimObject> any = object -> anyMatch(compared.values(object), test);
            return negated ? any.negate() : any;
        }

        /** A complex attribute compares by its {@code value} sub-attribute, if it has one. */
        private static Target comparable(Target target, AttrPath path) {
            if (!target.definition().isComplex()) {
                return target;
            }
            AttributeDefinition value = target.definition().subAttribute("value")
                    .orElseThrow(() -> ValueMatchers.complexNeedsSubAttribute(path));
            return new Target(value, object -> AttributeValues.subValues(target.values(object), value.name()));
        }

        @Override
        public Predicate<ScimObject> visitPresent(Filter.Present filter) {
            return presence(scope.resolve(filter.path()));
        }

        private static Predicate<ScimObject> presence(Optional<Target> target) {
            if (target.isEmpty()) {
                return NEVER;
            }
            Target present = target.get();
            return object -> anyMatch(present.values(object), AttributeValues::isPresent);
        }

        @Override
        public Predicate<ScimObject> visitAnd(Filter.And filter) {
            List<Predicate<ScimObject>> operands = compileAll(filter.operands());
            return object -> {
                for (Predicate<ScimObject> operand : operands) {
                    if (!operand.test(object)) {
                        return false;
                    }
                }
                return true;
            };
        }

        @Override
        public Predicate<ScimObject> visitOr(Filter.Or filter) {
            List<Predicate<ScimObject>> operands = compileAll(filter.operands());
            return object -> {
                for (Predicate<ScimObject> operand : operands) {
                    if (operand.test(object)) {
                        return true;
                    }
                }
                return false;
            };
        }

        private List<Predicate<ScimObject>> compileAll(List<Filter> operands) {
            return operands.stream().map(operand -> operand.accept(this)).toList();
        }

        @Override
        public Predicate<ScimObject> visitNot(Filter.Not filter) {
            return filter.operand().accept(this).negate();
        }

        @Override
        public Predicate<ScimObject> visitValuePath(Filter.ValuePath filter) {
            if (inValueFilter) {
                throw ScimException.invalidFilter("Value filters can't be nested: \"" + filter.attribute()
                        + "[…]\" is inside another value filter");
            }
            Optional<Target> target = scope.resolve(filter.attribute());
            if (target.isEmpty()) {
                // Still checked, so that a bad value filter fails alike whichever attribute it is on.
                filter.valueFilter().accept(new Compiler(Scope.NOTHING, true));
                return NEVER;
            }
            Target outer = target.get();
            if (!outer.definition().isComplex()) {
                throw ScimException.invalidFilter("Attribute \"" + filter.attribute() + "\" is not complex, so it"
                        + " can't take a value filter; filter on it directly, e.g. " + filter.attribute() + " pr");
            }
            Predicate<ScimObject> valueFilter = filter.valueFilter()
                    .accept(new Compiler(Scope.within(outer.definition()), true));
            return object -> {
                for (ScimValue value : outer.values(object)) {
                    if (value instanceof ScimObject element && valueFilter.test(element)) {
                        return true;
                    }
                }
                return false;
            };
        }

        private static boolean anyMatch(List<ScimValue> values, Predicate<ScimValue> test) {
            for (ScimValue value : values) {
                if (test.test(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
