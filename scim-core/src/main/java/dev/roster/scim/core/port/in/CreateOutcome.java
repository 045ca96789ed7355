package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.User;

import java.util.Objects;

/**
 * The result of {@link ScimUsers#create}: the user, and whether the POST created an account, held a pending
 * identity for someone who has not signed in yet, or linked a user who already existed (signed in before). The
 * adapter answers {@code 201 Created} for all three (RFC 7644 §3.3): from the IdP's point of view the resource now
 * exists under its {@code id}, and a pending one says so ({@code User.pending()}).
 *
 * <pre>{@code
 * CreateOutcome outcome = scimUsers.create(site, body);
 * boolean claimedExisting = outcome.kind() == CreateOutcome.Kind.LINKED;
 * }</pre>
 */
public record CreateOutcome(User user, Kind kind) {

    /** How the POST was satisfied. */
    public enum Kind {
        /** A new account was stored (creation policy {@code ALLOW}). */
        CREATED,
        /** A new pending identity was stored (creation policy {@code PENDING}): no account exists yet. */
        PENDING,
        /** An existing user, not yet claimed by an IdP, was claimed and updated. */
        LINKED
    }

    public CreateOutcome {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
    }

    public static CreateOutcome created(User user) {
        return new CreateOutcome(user, Kind.CREATED);
    }

    public static CreateOutcome pending(User user) {
        return new CreateOutcome(user, Kind.PENDING);
    }

    public static CreateOutcome linked(User user) {
        return new CreateOutcome(user, Kind.LINKED);
    }
}
