package dev.roster.scim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.schema.AttributeDefinition;
import dev.roster.scim.core.schema.AttributeType;
import dev.roster.scim.core.schema.Mutability;
import dev.roster.scim.core.schema.Returned;
import dev.roster.scim.core.schema.Uniqueness;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The User schemas have no number attributes; schemas of other resources will, so numbers are tested here. */
class ValueMatchersTest {

    private static final AttributeDefinition COUNT = new AttributeDefinition("count", AttributeType.INTEGER, false,
            "", false, false, false, Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(),
            List.of());
    private static final AttrPath PATH = AttrPath.of("count");

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments(CompareOp.EQ, ScimValue.of(new BigDecimal("10.0")), ScimValue.of(10), true),
                arguments(CompareOp.GT, ScimValue.of(9), ScimValue.of(10), true),
                arguments(CompareOp.GT, ScimValue.of(10), ScimValue.of(9), false),
                arguments(CompareOp.LE, ScimValue.of(new BigDecimal("1E+1")), ScimValue.of(10), true),
                arguments(CompareOp.LT, ScimValue.of(100), ScimValue.of(20), true),
                arguments(CompareOp.EQ, ScimValue.of("42"), ScimValue.of(42), true),
                arguments(CompareOp.EQ, ScimValue.of(42), ScimValue.of("42.0"), true),
                arguments(CompareOp.EQ, ScimValue.of(42), ScimValue.of("forty-two"), false),
                arguments(CompareOp.LT, ScimValue.of(42), ScimValue.of("1e999999999"), false),
                arguments(CompareOp.GT, ScimValue.of(42), ScimValue.of("1e999999999"), false),
                arguments(CompareOp.GT, ScimValue.of(42), ScimValue.of("9".repeat(5_000)), false),
                arguments(CompareOp.NE, ScimValue.of(1), ScimValue.of(2), true));
    }

    @ParameterizedTest(name = "{2} {0} {1} is {3}")
    @MethodSource("numbers")
    void numbersCompareByValueNotByText(CompareOp op, ScimValue literal, ScimValue stored, boolean expected) {
        assertThat(ValueMatchers.compile(COUNT, op, literal, PATH).test(stored)).isEqualTo(expected);
    }

    @Test
    void substringOperatorsDoNotApplyToNumbers() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> ValueMatchers.compile(COUNT, CompareOp.CO, ScimValue.of("4"), PATH));

        assertThat(error.detail()).contains("that operator is for strings");
    }

    @Test
    void aNumberAttributeNeedsANumberLiteral() {
        ScimException error = catchThrowableOfType(ScimException.class,
                () -> ValueMatchers.compile(COUNT, CompareOp.EQ, ScimValue.of(true), PATH));

        assertThat(error.detail()).contains("compare it with a JSON number, not a boolean");
    }
}
