package dev.roster.scim.core.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2 that take a value ({@code pr} is {@link Filter.Present}). */
public enum CompareOp {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The operator as filters write it, in lower case. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator for a keyword in any case. */
    public static Optional<CompareOp> fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(op -> op.name().equalsIgnoreCase(keyword)).findFirst();
    }

    /** Whether the operator orders values ({@code gt ge lt le}). */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }
}
