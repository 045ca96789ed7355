package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.schema.UserAttributeResolver;
import dev.roster.scim.core.schema.UserSchemas;

import java.util.Objects;
import java.util.Optional;

/**
 * What a SCIM request explicitly said about a user's status and role: the {@code active}, {@code userType}
 * (RFC 7643 §4.1.1) and {@code stackUserType} (role extension) values it carried. An absent, null or blank value
 * asserts nothing, so it changes nothing.
 *
 * <p>Read it from a canonical representation (see {@code UserInputNormalizer}), where {@code stackUserType} has
 * already been moved under {@link UserSchemas#ROLE_EXTENSION} from whichever extension URN the IdP used:
 *
 * <pre>{@code
 * ScimAssertions asserted = ScimAssertions.of(UserInputNormalizer.normalize(body));
 * asserted.active();      // Optional[false] for {"active": "False"}
 * asserted.roleValue();   // stackUserType if present, else userType
 * }</pre>
 */
public record ScimAssertions(Optional<Boolean> active, Optional<String> userType, Optional<String> stackUserType) {

    /** A request that asserts neither status nor role. */
    public static final ScimAssertions NONE = new ScimAssertions(Optional.empty(), Optional.empty(), Optional.empty());

    public ScimAssertions {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(userType, "userType");
        Objects.requireNonNull(stackUserType, "stackUserType");
        // An empty role value is an unassigned one (RFC 7643 §2.5): OneLogin renders an unset template field as "".
        userType = userType.filter(value -> !value.isBlank());
        stackUserType = stackUserType.filter(value -> !value.isBlank());
    }

    /** The assertions of a canonical User representation. */
    public static ScimAssertions of(ScimObject canonical) {
        return new ScimAssertions(
                canonical.getBoolean("active"),
                canonical.getString("userType"),
                canonical.getObject(UserSchemas.ROLE_EXTENSION)
                        .flatMap(extension -> extension.getString(UserAttributeResolver.ROLE_ATTRIBUTE)));
    }

    /**
     * The role value the request asked for. {@code stackUserType} wins over {@code userType}: an IdP that sends it
     * (Entra ID) uses {@code userType} for something else, such as {@code Member} or {@code Guest}.
     */
    public Optional<String> roleValue() {
        return stackUserType.or(() -> userType);
    }

    /** The name of the attribute {@link #roleValue()} came from, for messages. */
    public String roleAttribute() {
        return stackUserType.isPresent() ? UserAttributeResolver.ROLE_ATTRIBUTE : "userType";
    }
}
