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
 *
 * @param user the user as stored after the POST, for the adapter to render
 * @param kind how the POST was satisfied
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

    /**
     * An outcome, checked.
     *
     * @param user the user as stored after the POST
     * @param kind how the POST was satisfied
     * @throws NullPointerException if a component is null
     */
    public CreateOutcome {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A POST that stored a new account.
     *
     * @param user the new account
     * @return the outcome of kind {@link Kind#CREATED}
     */
    public static CreateOutcome created(User user) {
        return new CreateOutcome(user, Kind.CREATED);
    }

    /**
     * A POST that stored a new pending identity.
     *
     * @param user the new pending identity
     * @return the outcome of kind {@link Kind#PENDING}
     */
    public static CreateOutcome pending(User user) {
        return new CreateOutcome(user, Kind.PENDING);
    }

    /**
     * A POST that claimed an existing user.
     *
     * @param user the existing user, as stored after the claim
     * @return the outcome of kind {@link Kind#LINKED}
     */
    public static CreateOutcome linked(User user) {
        return new CreateOutcome(user, Kind.LINKED);
    }
}
