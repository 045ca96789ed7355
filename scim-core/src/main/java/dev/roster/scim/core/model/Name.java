package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/** The components of a user's name (RFC 7643 §4.1.1 {@code name}). */
public record Name(Optional<String> formatted, Optional<String> familyName, Optional<String> givenName,
                   Optional<String> middleName, Optional<String> honorificPrefix, Optional<String> honorificSuffix) {

    public static final Name EMPTY = new Name(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public Name {
        Objects.requireNonNull(formatted, "formatted");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(middleName, "middleName");
        Objects.requireNonNull(honorificPrefix, "honorificPrefix");
        Objects.requireNonNull(honorificSuffix, "honorificSuffix");
    }

    public static Name of(String givenName, String familyName) {
        return EMPTY.withGivenName(Optional.ofNullable(givenName)).withFamilyName(Optional.ofNullable(familyName));
    }

    public Name withGivenName(Optional<String> value) {
        return new Name(formatted, familyName, value, middleName, honorificPrefix, honorificSuffix);
    }

    public Name withFamilyName(Optional<String> value) {
        return new Name(formatted, value, givenName, middleName, honorificPrefix, honorificSuffix);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
