package dev.roster.scim.core.model;

import dev.roster.scim.core.json.ScimObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SCIM-managed profile of a user: everything a client may set except status and role, which the provisioning
 * policy decides. Read from a canonical representation with
 * {@link dev.roster.scim.core.mapping.UserResources#profileOf(ScimObject)}. Immutable.
 *
 * <pre>{@code
 * User replaced = UserResources.profileOf(canonicalBody).applyTo(current);
 * }</pre>
 *
 * @param userName        the userName; {@code profileOf} strips it and refuses a blank one
 * @param externalId      the externalId, if the client sent one
 * @param displayName     the displayName, if the client sent one
 * @param name            the name, {@link Name#EMPTY} for none
 * @param emails          the emails, in order; copied, so the list is unmodifiable
 * @param otherAttributes every other attribute the client may set, canonically named
 */
public record UserProfile(String userName, Optional<String> externalId, Optional<String> displayName, Name name,
                          List<Email> emails, ScimObject otherAttributes) {

    /**
     * Checks the components and copies {@code emails}.
     *
     * @param userName        the userName; {@code profileOf} strips it and refuses a blank one
     * @param externalId      the externalId, if the client sent one
     * @param displayName     the displayName, if the client sent one
     * @param name            the name, {@link Name#EMPTY} for none
     * @param emails          the emails, in order; copied, so the list is unmodifiable
     * @param otherAttributes every other attribute the client may set, canonically named
     * @throws NullPointerException for a null component
     */
    public UserProfile {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(name, "name");
        emails = List.copyOf(emails);
        Objects.requireNonNull(otherAttributes, "otherAttributes");
    }

    /**
     * The user with this profile.
     *
     * @param user the user as it is
     * @return the user with this profile; id, status, role and bookkeeping unchanged
     */
    public User applyTo(User user) {
        return user.withProfile(userName, externalId, displayName, name, emails, otherAttributes);
    }
}
