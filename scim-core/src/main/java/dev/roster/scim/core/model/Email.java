package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One value of a user's {@code emails} (RFC 7643 §4.1.2). Immutable. The address is kept as the client wrote it;
 * filters and lookups compare it case-insensitively, by the identifier profile's key (ADR 003, ADR 014).
 *
 * <pre>{@code
 * new Email("ann@example.com", Optional.of("work"), true, Optional.empty());
 * }</pre>
 *
 * @param value   the address
 * @param type    its {@code type}, such as {@code work} or {@code home}, if it has one
 * @param primary whether it is the user's primary address; at most one of a user's emails is, by convention
 * @param display its {@code display} text, if it has one
 */
public record Email(String value, Optional<String> type, boolean primary, Optional<String> display) {

    /**
     * Checks that no component is null.
     *
     * @param value   the address
     * @param type    its {@code type}, such as {@code work} or {@code home}, if it has one
     * @param primary whether it is the user's primary address; at most one of a user's emails is, by convention
     * @param display its {@code display} text, if it has one
     * @throws NullPointerException for a null component
     */
    public Email {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(display, "display");
    }

    /**
     * A primary work email, as JIT sign-in records it.
     *
     * @param value the address
     * @return the email of type {@code work}, primary, without display text
     */
    public static Email primaryWork(String value) {
        return new Email(value, Optional.of("work"), true, Optional.empty());
    }
}
