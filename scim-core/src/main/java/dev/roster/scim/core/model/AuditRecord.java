package dev.roster.scim.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a user, from SCIM, an admin or a JIT sign-in: who changed what, from which value to which, when.
 * {@code action} is a short verb such as {@code deactivate}, {@code role} or {@code profile}; {@code detail} says
 * in words what happened, including what was ignored (a role change while the site does not let SCIM manage
 * roles) and what was refused ({@code sign-in-refused}: a sign-in of a deactivated user, which changes nothing and
 * has neither before nor after).
 */
public record AuditRecord(SiteId site, String userId, String userName, ChangeSource source, String action,
                          Optional<String> before, Optional<String> after, String detail, Instant at) {

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
