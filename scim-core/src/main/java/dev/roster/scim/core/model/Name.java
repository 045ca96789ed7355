package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The components of a user's name (RFC 7643 §4.1.1 {@code name}), each optional and kept as written; filters and
 * sorting compare them case-insensitively, folded by {@code CaseFolding} (ADR 003). Immutable: the {@code withX}
 * methods return a copy.
 *
 * <pre>{@code
 * Name ann = Name.of("Ann", "Lee");             // givenName Ann, familyName Lee, nothing else
 * Name dr = ann.withGivenName(Optional.of("Anna"));
 * }</pre>
 *
 * @param formatted       the full name as it is displayed, if given
 * @param familyName      the family name, if given
 * @param givenName       the given name, if given
 * @param middleName      the middle name(s), if given
 * @param honorificPrefix the honorific prefix, such as {@code Ms.}, if given
 * @param honorificSuffix the honorific suffix, such as {@code III}, if given
 */
public record Name(Optional<String> formatted, Optional<String> familyName, Optional<String> givenName,
                   Optional<String> middleName, Optional<String> honorificPrefix, Optional<String> honorificSuffix) {

    /** No component at all: a user without a {@code name}. */
    public static final Name EMPTY = new Name(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Checks that no component is null.
     *
     * @param formatted       the full name as it is displayed, if given
     * @param familyName      the family name, if given
     * @param givenName       the given name, if given
     * @param middleName      the middle name(s), if given
     * @param honorificPrefix the honorific prefix, such as {@code Ms.}, if given
     * @param honorificSuffix the honorific suffix, such as {@code III}, if given
     * @throws NullPointerException for a null component
     */
    public Name {
        Objects.requireNonNull(formatted, "formatted");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(middleName, "middleName");
        Objects.requireNonNull(honorificPrefix, "honorificPrefix");
        Objects.requireNonNull(honorificSuffix, "honorificSuffix");
    }

    /**
     * A name of a given and a family name, as an SSO assertion carries them.
     *
     * @param givenName  the given name, or null for none
     * @param familyName the family name, or null for none
     * @return the name with those two components and no other
     */
    public static Name of(String givenName, String familyName) {
        return EMPTY.withGivenName(Optional.ofNullable(givenName)).withFamilyName(Optional.ofNullable(familyName));
    }

    /**
     * A copy with another given name.
     *
     * @param value the given name, or empty for none
     * @return the copy
     */
    public Name withGivenName(Optional<String> value) {
        return new Name(formatted, familyName, value, middleName, honorificPrefix, honorificSuffix);
    }

    /**
     * A copy with another family name.
     *
     * @param value the family name, or empty for none
     * @return the copy
     */
    public Name withFamilyName(Optional<String> value) {
        return new Name(formatted, value, givenName, middleName, honorificPrefix, honorificSuffix);
    }

    /**
     * Whether no component is given.
     *
     * @return {@code true} for {@link #EMPTY}
     */
    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
