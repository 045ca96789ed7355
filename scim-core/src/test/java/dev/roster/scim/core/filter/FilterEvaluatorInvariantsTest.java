package dev.roster.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;

import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class FilterEvaluatorInvariantsTest {

    @Property
    void compilingFailsOnlyWithInvalidFilterAndEvaluatingNeverFails(@ForAll("filters") Filter filter) {
        Optional<FilterEvaluator> evaluator = compile(filter);

        evaluator.ifPresent(compiled -> SampleUsers.ALL.forEach(compiled::matches));
        Statistics.label("valid for the User schemas").collect(evaluator.isPresent());
        evaluator.ifPresent(compiled -> Statistics.label("users matched").collect(
                SampleUsers.ALL.stream().filter(compiled::matches).count()));
    }

    @Property
    void notNegatesExactly(@ForAll("filters") Filter filter) {
        Optional<FilterEvaluator> evaluator = compile(filter);
        Optional<FilterEvaluator> negated = compile(Filter.not(filter));

        assertThat(negated.isPresent()).isEqualTo(evaluator.isPresent());
        evaluator.ifPresent(compiled -> {
            for (ScimObject user : SampleUsers.ALL) {
                assertThat(negated.get().matches(user)).isEqualTo(!compiled.matches(user));
            }
        });
    }

    @Property
    void neMatchesExactlyWhereEqDoesNot(@ForAll("equalities") Filter.Compare equality) {
        Filter inequality = Filter.compare(equality.path(), CompareOp.NE, equality.value());
        Optional<FilterEvaluator> eq = compile(equality);
        Optional<FilterEvaluator> ne = compile(inequality);

        assertThat(ne.isPresent()).isEqualTo(eq.isPresent());
        eq.ifPresent(compiled -> {
            for (ScimObject user : SampleUsers.ALL) {
                assertThat(ne.get().matches(user)).isEqualTo(!compiled.matches(user));
            }
        });
    }

    private static Optional<FilterEvaluator> compile(Filter filter) {
        try {
            return Optional.of(FilterEvaluator.of(filter));
        } catch (ScimException invalid) {
            assertThat(invalid.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<Filter> filters() {
        return Arbitraries.oneOf(FilterArbitraries.filters(3), FilterArbitraries.userFilters(3));
    }

    @Provide
    Arbitrary<Filter.Compare> equalities() {
        return net.jqwik.api.Combinators.combine(FilterArbitraries.paths(), FilterArbitraries.valuesFor(CompareOp.EQ))
                .as((path, value) -> new Filter.Compare(path, CompareOp.EQ, value));
    }
}
