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
 */
public record SsoAssertion(String userName, Optional<String> email, Optional<String> givenName,
                           Optional<String> familyName) {

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

    /** An assertion from attribute values as SSO layers hand them over: {@code null} or blank means absent. */
    public static SsoAssertion of(String userName, String email, String givenName, String familyName) {
        return new SsoAssertion(userName, Optional.ofNullable(email), Optional.ofNullable(givenName),
                Optional.ofNullable(familyName));
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }
}
