package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.Role;

import java.util.Objects;
import java.util.Optional;

/**
 * What the host application's own account of a user holds, as far as Roster tells it: the user's Roster id (the
 * key the host keeps beside its own), userName, email, status and role, and the Roster {@code version} of the user
 * this state is from. The version is what makes a change safe to apply twice or late: a host keeps the highest
 * version it applied and ignores anything older (see {@link Accounts}).
 *
 * <pre>{@code
 * Account ann = new Account("2819c223", "ann@example.com", Optional.of("ann@example.com"), true, Role.REGISTERED, 1);
 * }</pre>
 *
 * @param id       the user's Roster id (its SCIM {@code id}), unique in a site
 * @param userName the user's userName, as the IdP and the SSO assertion name them
 * @param email    the user's preferred email, if any
 * @param active   whether the user may sign in
 * @param role     the user's role in the site
 * @param version  the Roster user version this state belongs to, 1 or more
 */
public record Account(String id, String userName, Optional<String> email, boolean active, Role role, long version) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }
}
