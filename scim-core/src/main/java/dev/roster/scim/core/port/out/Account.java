package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.Role;

import java.util.Objects;
import java.util.Optional;

/**
 * What the host application's own account of a user holds, as far as Roster tells it: the user's Roster id (the
 * key the host keeps beside its own), userName, email, status and role, and the Roster {@code version} of the user
 * this state is from. The version is what makes a change safe to apply twice or late: a host keeps the highest
 * version it applied and ignores anything older (see {@link Accounts}). Roster builds it from the stored user;
 * a host builds it when {@link Accounts#findById} reads its row.
 *
 * <pre>{@code
 * Account ann = new Account("2819c223", "ann@example.com", Optional.of("ann@example.com"), true, Role.REGISTERED, 1);
 * }</pre>
 *
 * @param id       the user's Roster id (its SCIM {@code id}), unique in a site
 * @param userName the user's userName at this version, as the IdP and the SSO assertion name it; the host stores
 *                 it at {@link Accounts#create} only (the setters carry none), so a rename does not reach it
 * @param email    the user's preferred email at this version (its primary one, else its first), if it has any;
 *                 like the userName, stored at creation only
 * @param active   whether the user may sign in (false after a deactivation or a SCIM {@code DELETE})
 * @param role     the user's role in the site
 * @param version  the Roster user version this state belongs to, 1 or more
 */
public record Account(String id, String userName, Optional<String> email, boolean active, Role role, long version) {

    /**
     * An account's state, checked.
     *
     * @param id       the user's Roster id
     * @param userName the user's userName at this version
     * @param email    the user's preferred email at this version, or empty
     * @param active   whether the user may sign in
     * @param role     the user's role in the site
     * @param version  the Roster user version this state belongs to, 1 or more
     * @throws NullPointerException     if {@code id}, {@code userName}, {@code email} or {@code role} is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
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
