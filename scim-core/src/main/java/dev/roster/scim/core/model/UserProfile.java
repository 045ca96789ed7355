package dev.roster.scim.core.model;

import dev.roster.scim.core.json.ScimObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SCIM-managed profile of a user: everything a client may set except status and role, which the provisioning
 * policy decides. Read from a canonical representation with
 * {@link dev.roster.scim.core.mapping.UserResources#profileOf(ScimObject)}.
 */
public record UserProfile(String userName, Optional<String> externalId, Optional<String> displayName, Name name,
                          List<Email> emails, ScimObject otherAttributes) {

    public UserProfile {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(name, "name");
        emails = List.copyOf(emails);
        Objects.requireNonNull(otherAttributes, "otherAttributes");
    }

    /** The user with this profile; status, role and bookkeeping unchanged. */
    public User applyTo(User user) {
        return user.withProfile(userName, externalId, displayName, name, emails, otherAttributes);
    }
}
