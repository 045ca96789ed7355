package dev.roster.scim.core.filter;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The literal on the right of a comparison (RFC 7644 §3.4.2.2 {@code compValue}): a JSON string, number,
 * {@code true}, {@code false} or {@code null}. A dateTime is a string, compared as a point in time where the
 * attribute's type is dateTime.
 */
public record CompValue(ScimValue value) {

    public CompValue {
        Objects.requireNonNull(value, "value");
        if (value instanceof ScimObject || value instanceof ScimArray) {
            throw new IllegalArgumentException("a comparison value is a string, number, boolean or null");
        }
    }

    public static CompValue of(String value) {
        return new CompValue(ScimValue.of(value));
    }

    public static CompValue of(boolean value) {
        return new CompValue(ScimValue.of(value));
    }

    public static CompValue of(BigDecimal value) {
        return new CompValue(ScimValue.of(value));
    }

    public static CompValue of(long value) {
        return new CompValue(ScimValue.of(value));
    }

    public static CompValue nullValue() {
        return new CompValue(ScimValue.nullValue());
    }

    public boolean isNull() {
        return value.isNull();
    }
}
