package dev.roster.scim.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What a validated SSO assertion says about the user signing in: the userName (the display-name assertion an IdP
 * must also send as SCIM {@code userName}), and optionally the email and name.
 *
 * <pre>{@code
 * SsoAssertion.of("ann", "ann@example.com", "Ann", null);
 * }</pre>
 *
 * @param userName   the userName the person signs in with, stripped of surrounding whitespace; never blank
 * @param email      their email, stripped; empty when the assertion has none or a blank one
 * @param givenName  their given name, stripped; empty when absent or blank
 * @param familyName their family name, stripped; empty when absent or blank
 */
public record SsoAssertion(String userName, Optional<String> email, Optional<String> givenName,
                           Optional<String> familyName) {

    /**
     * An assertion, its values stripped and blank optional values made absent.
     *
     * @param userName   the userName; stripped
     * @param email      the email, or empty
     * @param givenName  the given name, or empty
     * @param familyName the family name, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code userName} is blank
     */
    public SsoAssertion {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        if (userName.isBlank()) {
            throw new IllegalArgumentException("an assertion names the user");
        }
        userName = userName.strip();
        email = present(email);
        givenName = present(givenName);
        familyName = present(familyName);
    }

    /**
     * An assertion from attribute values as SSO layers hand them over: {@code null} or blank means absent.
     *
     * @param userName   the userName; required, not blank
     * @param email      the email, or null
     * @param givenName  the given name, or null
     * @param familyName the family name, or null
     * @return the assertion
     * @throws NullPointerException     if {@code userName} is null
     * @throws IllegalArgumentException if {@code userName} is blank
     */
    public static SsoAssertion of(String userName, String email, String givenName, String familyName) {
        return new SsoAssertion(userName, Optional.ofNullable(email), Optional.ofNullable(givenName),
                Optional.ofNullable(familyName));
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }
}
