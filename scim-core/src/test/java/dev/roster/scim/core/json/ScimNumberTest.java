package dev.roster.scim.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalInt;

class ScimNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "-9.99e308", "1e-308", "-1e-308", "0", "0e999999999", "-0.0",
            "1234567890123456789012345678901234", "1234567890123456789012345678901234e274",
            "123456789012345678901234567890", "1.5", "9223372036854775807"})
    void numbersWithinTheBoundsAreKept(String text) {
        assertThat(new ScimNumber(new BigDecimal(text)).value()).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9999999", "1e999999999", "-1e309", "1e309", "1e-309", "1e-9999999",
            "12345678901234567890123456789012345", "1.2345678901234567890123456789012345"})
    @Timeout(5)
    void numbersBeyondTheBoundsAreInvalidValuesAtOnce(String text) {
        assertOutOfRange(() -> new ScimNumber(new BigDecimal(text)));
    }

    @Test
    @Timeout(5)
    void aHugeNumberHandedInByCodeIsRefusedWithoutWorkingOnItsDigits() {
        BigDecimal googolplexish = new BigDecimal(BigInteger.TEN.pow(200_000));

        assertOutOfRange(() -> ScimValue.of(googolplexish));
    }

    @Test
    void trailingZerosWithinTheBoundsAreStripped() {
        ScimNumber number = new ScimNumber(new BigDecimal(BigInteger.TEN.pow(300)));

        assertThat(number.value().precision()).isEqualTo(1);
        assertThat(number).isEqualTo(new ScimNumber(new BigDecimal("1e300")));
    }

    @Test
    void parseReadsWhatBigDecimalReadsAroundWhitespace() {
        assertThat(ScimNumber.parse(" 50 ")).contains(ScimValue.of(50));
        assertThat(ScimNumber.parse("+7")).contains(ScimValue.of(7));
        assertThat(ScimNumber.parse("007")).contains(ScimValue.of(7));
        assertThat(ScimNumber.parse("1.0")).contains(ScimValue.of(1));
        assertThat(ScimNumber.parse("1E3")).contains(ScimValue.of(1000));
        assertThat(ScimNumber.parse(".5")).contains(new ScimNumber(new BigDecimal("0.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ten", "1,000", "0x10", "1e", "1e+", "--1", "1.2.3", "NaN", "Infinity", "e5",
            ".", "+", "1 000", "١٢"})
    void parseFindsNoNumberInText(String text) {
        assertThat(ScimNumber.parse(text)).isEmpty();
    }

    @Test
    @Timeout(5)
    void parseRefusesTooLongTextBeforeConvertingIt() {
        assertThat(ScimNumber.parse("0." + "0".repeat(306) + "1")).isPresent();
        assertOutOfRange(() -> ScimNumber.parse("1".repeat(ScimNumber.MAX_TEXT_LENGTH + 1)));
        assertOutOfRange(() -> ScimNumber.parse("9".repeat(1_000_000)));
    }

    /** The text's length is the bound, not the value: one written with 398 zeros after the point is still one. */
    @Test
    void parseReadsFourHundredCharactersAndNoMoreWhateverTheValue() {
        String longest = "1." + "0".repeat(ScimNumber.MAX_TEXT_LENGTH - 2);
        assertThat(longest).hasSize(400);
        assertThat(ScimNumber.parse(longest)).contains(ScimValue.of(1));
        assertThat(ScimNumber.parse("  " + longest + " ")).as("around whitespace").contains(ScimValue.of(1));

        assertOutOfRange(() -> ScimNumber.parse(longest + "0"));
        assertOutOfRange(() -> ScimNumber.parse("+" + longest));
    }

    @Test
    void parseRefusesExponentsBeyondTheBoundsOrTheIntRange() {
        assertOutOfRange(() -> ScimNumber.parse("1e9999999"));
        assertOutOfRange(() -> ScimNumber.parse("1e99999999999"));
        assertOutOfRange(() -> ScimNumber.parse("-1e-99999999999"));
    }

    @Test
    void asIntIsPresentOnlyForWholeNumbersInTheIntRange() {
        assertThat(ScimValue.of(Integer.MAX_VALUE).asInt()).isEqualTo(OptionalInt.of(Integer.MAX_VALUE));
        assertThat(ScimValue.of(Integer.MIN_VALUE).asInt()).isEqualTo(OptionalInt.of(Integer.MIN_VALUE));
        assertThat(new ScimNumber(new BigDecimal("1e2")).asInt()).isEqualTo(OptionalInt.of(100));
        assertThat(ScimValue.of(Integer.MAX_VALUE + 1L).asInt()).isEmpty();
        assertThat(ScimValue.of(Integer.MIN_VALUE - 1L).asInt()).isEmpty();
        assertThat(new ScimNumber(new BigDecimal("2.5")).asInt()).isEmpty();
        assertThat(new ScimNumber(new BigDecimal("1e308")).asInt()).isEmpty();
        assertThat(new ScimNumber(new BigDecimal("1e-308")).asInt()).isEmpty();
    }

    private static void assertOutOfRange(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
            assertThat(e.detail()).contains("out of range").contains("34 significant digits").contains("308");
        });
    }
}
