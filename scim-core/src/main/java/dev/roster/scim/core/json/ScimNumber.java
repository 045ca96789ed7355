package dev.roster.scim.core.json;

import dev.roster.scim.core.error.ScimException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A JSON number. Kept as a {@link BigDecimal} with trailing zeros stripped, so that {@code 1}, {@code 1.0} and
 * {@code 1e0} are equal values.
 * <p>
 * A number is bounded before anything computes with it: at most {@link #MAX_DIGITS} significant digits and a
 * decimal exponent within ±{@link #MAX_EXPONENT}. A {@code BigDecimal} can hold {@code 1e999999999} in a few bytes,
 * but writing it out, or turning it into an integer, takes a billion digits: one such number in a request kept a
 * worker thread busy for minutes. Anything outside the bounds is {@code 400 invalidValue} here, so no adapter can
 * let one into the value tree.
 *
 * <pre>{@code
 * ScimNumber count = ScimNumber.parse("50").orElseThrow();   // 50
 * count.asInt();                                             // OptionalInt[50]
 * ScimNumber.parse("1e9999999");                             // 400 invalidValue
 * }</pre>
 *
 * @param value the number, with trailing zeros stripped (zero is {@link BigDecimal#ZERO})
 */
public record ScimNumber(BigDecimal value) implements ScimValue {

    /**
     * The most significant digits a number may have: the precision of IEEE 754 decimal128, the widest standard
     * decimal format, well over a {@code long}'s 19. RFC 8259 §6 warns that beyond a double's 17 digits clients
     * do not agree on a number's value anyway.
     */
    public static final int MAX_DIGITS = 34;

    /**
     * The widest decimal exponent (the power of ten of the first digit): about the range of an IEEE 754 double,
     * which is what JSON parsers read numbers into (RFC 8259 §6). Written out, no number within it is longer than
     * 309 digits before the point or 342 after.
     */
    public static final int MAX_EXPONENT = 308;

    /**
     * The longest text {@link #parse} reads: room for any number within the bounds written out in full (10^308 is
     * 309 digits), and short enough that converting the text costs nothing worth measuring.
     */
    public static final int MAX_TEXT_LENGTH = 400;

    /**
     * An unscaled value of more bits than this cannot be within the bounds (10^308 has 1024 bits); checking the
     * bit length first keeps even {@code stripTrailingZeros} from working on a huge number handed in by code.
     */
    private static final int MAX_UNSCALED_BITS = 2048;

    /**
     * A number, normalised and checked against the bounds.
     *
     * @param value the number
     * @throws NullPointerException if {@code value} is null
     * @throws ScimException {@code 400 invalidValue} if it has more than {@link #MAX_DIGITS} significant digits or
     *         its decimal exponent is beyond ±{@link #MAX_EXPONENT}
     */
    public ScimNumber {
        Objects.requireNonNull(value, "value");
        if (value.signum() == 0) {
            value = BigDecimal.ZERO;
        } else {
            if (value.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
                throw outOfRange();
            }
            value = value.stripTrailingZeros();
            long exponent = (long) value.precision() - value.scale() - 1;
            if (value.precision() > MAX_DIGITS || Math.abs(exponent) > MAX_EXPONENT) {
                throw outOfRange();
            }
        }
    }

    /**
     * Reads a number written as text, such as a query parameter or a number held in a string: what
     * {@link BigDecimal#BigDecimal(String)} accepts, around any whitespace. The length is checked before the text
     * is converted.
     *
     * @param text the text, such as {@code "50"} or {@code " -1.5e3 "}
     * @return the number; empty when the text is not a number
     * @throws ScimException {@code invalidValue} when it is a number outside the bounds
     */
    public static Optional<ScimNumber> parse(String text) {
        String number = text.strip();
        if (!looksNumeric(number)) {
            return Optional.empty();
        }
        if (number.length() > MAX_TEXT_LENGTH) {
            throw outOfRange();
        }
        try {
            return Optional.of(new ScimNumber(new BigDecimal(number)));
        } catch (NumberFormatException e) {
            // The text is a number (checked above) whose exponent does not even fit an int.
            throw outOfRange();
        }
    }

    /**
     * The number as an {@code int}, for a {@code count} or {@code startIndex} (RFC 7644 §3.4.2.4).
     *
     * @return the value; empty if it has a fractional part or is outside the {@code int} range
     */
    public OptionalInt asInt() {
        try {
            return OptionalInt.of(value.intValueExact());
        } catch (ArithmeticException fractionOrOverflow) {
            return OptionalInt.empty();
        }
    }

    /**
     * Whether the number has no fractional part, as a SCIM "integer" must (RFC 7643 §2.3.4).
     *
     * @return true for {@code 5} and {@code 5.0}, false for {@code 5.5}
     */
    public boolean isIntegral() {
        return value.scale() <= 0;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitNumber(this);
    }

    @Override
    public String jsonType() {
        return "number";
    }

    /**
     * The refusal of a number outside the bounds ({@code 400 invalidValue}), also for an adapter whose JSON parser
     * finds one too long or too large to hand over as a {@link BigDecimal} at all.
     *
     * @return the exception, for the caller to throw; its detail states the bounds
     */
    public static ScimException outOfRange() {
        return outOfRange("A number");
    }

    /**
     * The same refusal, naming the number.
     *
     * @param number how the detail names the number, as in {@code outOfRange("The number at position 9")}
     * @return the exception, for the caller to throw; its detail states the bounds
     */
    public static ScimException outOfRange(String number) {
        return ScimException.invalidValue(number + " is out of range: numbers may have at most " + MAX_DIGITS
                + " significant digits and a decimal exponent from -" + MAX_EXPONENT + " to " + MAX_EXPONENT
                + " (such as 1.5e300).");
    }

    /** {@code [+-] digits [. digits] [e [+-] digits]}, with at least one digit before the exponent. */
    private static boolean looksNumeric(String text) {
        int i = skipSign(text, 0);
        int integerEnd = skipDigits(text, i);
        int fractionEnd = integerEnd < text.length() && text.charAt(integerEnd) == '.'
                ? skipDigits(text, integerEnd + 1) : integerEnd;
        boolean hasDigits = integerEnd > i || fractionEnd > integerEnd + 1;
        if (!hasDigits) {
            return false;
        }
        if (fractionEnd < text.length() && (text.charAt(fractionEnd) == 'e' || text.charAt(fractionEnd) == 'E')) {
            int exponentStart = skipSign(text, fractionEnd + 1);
            int exponentEnd = skipDigits(text, exponentStart);
            return exponentEnd > exponentStart && exponentEnd == text.length();
        }
        return fractionEnd == text.length();
    }

    private static int skipSign(String text, int at) {
        return at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-') ? at + 1 : at;
    }

    private static int skipDigits(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
