package dev.roster.scim.core.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The attribute operators of RFC 7644 §3.4.2.2 that take a value ({@code pr} is {@link Filter.Present}). Filters
 * write them in any case; {@link FilterEvaluator} says how each treats absent values, case and types.
 *
 * <pre>{@code
 * CompareOp.fromKeyword("SW");   // Optional[SW]
 * CompareOp.GE.keyword();        // "ge"
 * }</pre>
 */
public enum CompareOp {
    /** {@code eq}: equal. */
    EQ,
    /** {@code ne}: not equal; true where the attribute has no value. */
    NE,
    /** {@code co}: the value contains the literal (strings). */
    CO,
    /** {@code sw}: the value starts with the literal (strings). */
    SW,
    /** {@code ew}: the value ends with the literal (strings). */
    EW,
    /** {@code gt}: greater than (strings by code point, numbers, dateTimes). */
    GT,
    /** {@code ge}: greater than or equal. */
    GE,
    /** {@code lt}: less than. */
    LT,
    /** {@code le}: less than or equal. */
    LE;

    /**
     * The operator as filters write it, in lower case.
     *
     * @return {@code eq}, {@code ne}, {@code co}, …
     */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The operator for a keyword in any case.
     *
     * @param keyword a keyword as a filter writes it, such as {@code EQ}
     * @return the operator; empty for {@code pr}, the logical operators and any other text
     */
    public static Optional<CompareOp> fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(op -> op.name().equalsIgnoreCase(keyword)).findFirst();
    }

    /**
     * Whether the operator orders values, which booleans and binary attributes refuse.
     *
     * @return {@code true} for {@code gt ge lt le}
     */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }
}
