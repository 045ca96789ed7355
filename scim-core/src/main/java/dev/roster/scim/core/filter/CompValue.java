package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The literal on the right of a comparison (RFC 7644 §3.4.2.2 {@code compValue}): a JSON string, number,
 * {@code true}, {@code false} or {@code null}. A dateTime is a string, compared as a point in time where the
 * attribute's type is dateTime. Immutable.
 *
 * <pre>{@code
 * CompValue.of("ann");   CompValue.of(42);   CompValue.of(true);   CompValue.nullValue();
 * }</pre>
 *
 * @param value the literal: any {@link ScimValue} but an object or an array
 */
public record CompValue(ScimValue value) {

    /**
     * Checks the literal.
     *
     * @param value the literal: any {@link ScimValue} but an object or an array
     * @throws NullPointerException     without a value (JSON {@code null} is {@link #nullValue()})
     * @throws IllegalArgumentException for an object or an array
     */
    public CompValue {
        Objects.requireNonNull(value, "value");
        if (value instanceof ScimObject || value instanceof ScimArray) {
            throw new IllegalArgumentException("a comparison value is a string, number, boolean or null");
        }
    }

    /**
     * A string literal.
     *
     * @param value the string, unescaped
     * @return the literal
     */
    public static CompValue of(String value) {
        return new CompValue(ScimValue.of(value));
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the boolean
     * @return the literal
     */
    public static CompValue of(boolean value) {
        return new CompValue(ScimValue.of(value));
    }

    /**
     * A number literal.
     *
     * @param value the number, exactly as written
     * @return the literal
     */
    public static CompValue of(BigDecimal value) {
        return new CompValue(ScimValue.of(value));
    }

    /**
     * An integer literal.
     *
     * @param value the integer
     * @return the literal
     */
    public static CompValue of(long value) {
        return new CompValue(ScimValue.of(value));
    }

    /**
     * The {@code null} literal: {@code eq null} is true where the attribute has no value.
     *
     * @return the literal
     */
    public static CompValue nullValue() {
        return new CompValue(ScimValue.nullValue());
    }

    /**
     * Whether it is the {@code null} literal.
     *
     * @return {@code true} for {@link #nullValue()}
     */
    public boolean isNull() {
        return value.isNull();
    }
}
