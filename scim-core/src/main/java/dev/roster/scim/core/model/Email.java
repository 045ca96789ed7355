package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/** One value of a user's {@code emails} (RFC 7643 §4.1.2). */
public record Email(String value, Optional<String> type, boolean primary, Optional<String> display) {

    public Email {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(display, "display");
    }

    /** A primary work email, as JIT sign-in records it. */
    public static Email primaryWork(String value) {
        return new Email(value, Optional.of("work"), true, Optional.empty());
    }
}
