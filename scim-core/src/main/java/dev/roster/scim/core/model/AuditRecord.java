package dev.roster.scim.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a user, from SCIM, an admin or a JIT sign-in: who changed what, from which value to which, when.
 * {@code action} is a short verb such as {@code deactivate}, {@code role} or {@code profile}; {@code detail} says
 * in words what happened, including what was ignored (a role change while the site does not let SCIM manage
 * roles) and what was refused ({@code sign-in-refused}: a sign-in of a deactivated user, which changes nothing and
 * has neither before nor after). Immutable; the audit log ({@code AuditLog}) keeps it as it is, and the admin page
 * shows it.
 *
 * <pre>{@code
 * new AuditRecord(site, user.id(), user.userName(), ChangeSource.SCIM, "deactivate", Optional.of("active"),
 *         Optional.of("inactive"), "The IdP deactivated the user.", clock.instant());
 * }</pre>
 *
 * @param site     the site of the user
 * @param userId   the user's id, which stays the same across renames
 * @param userName the user's userName when the change happened
 * @param source   who made the change
 * @param action   what kind of change, a short stable verb ({@code deactivate}, {@code role}, {@code profile}…)
 * @param before   the value before the change, in words, where there was one
 * @param after    the value after the change, in words, where there is one
 * @param detail   what happened, in a sentence for a site admin
 * @param at       when it happened
 */
public record AuditRecord(SiteId site, String userId, String userName, ChangeSource source, String action,
                          Optional<String> before, Optional<String> after, String detail, Instant at) {

    /**
     * Checks that no component is null.
     *
     * @param site     the site of the user
     * @param userId   the user's id, which stays the same across renames
     * @param userName the user's userName when the change happened
     * @param source   who made the change
     * @param action   what kind of change, a short stable verb ({@code deactivate}, {@code role}, {@code profile}…)
     * @param before   the value before the change, in words, where there was one
     * @param after    the value after the change, in words, where there is one
     * @param detail   what happened, in a sentence for a site admin
     * @param at       when it happened
     * @throws NullPointerException for a null component
     */
    public AuditRecord {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
