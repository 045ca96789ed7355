package dev.roster.scim.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number. Kept as a {@link BigDecimal} with trailing zeros stripped, so that {@code 1}, {@code 1.0} and
 * {@code 1e0} are equal values.
 */
public record ScimNumber(BigDecimal value) implements ScimValue {

    public ScimNumber {
        Objects.requireNonNull(value, "value");
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** Whether the number has no fractional part, as an SCIM "integer" must (RFC 7643 §2.3.4). */
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
}
