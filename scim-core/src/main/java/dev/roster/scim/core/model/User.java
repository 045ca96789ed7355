package dev.roster.scim.core.model;

import dev.roster.scim.core.json.ScimObject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of a site. The attributes the application acts on are typed; every other attribute a schema defines is
 * kept, canonically named, in {@code otherAttributes} (core attributes at top level, extension attributes in an
 * object under the extension's URN) so that it round-trips unchanged.
 *
 * <p>Beyond SCIM, a user records the status the IdP last asserted ({@code idpActive}, so drift between the IdP and
 * local administration can be shown), who changed it last, whether an IdP has claimed it with a POST, whether SCIM
 * deleted it (hidden from SCIM, kept for an admin to restore), and a version bumped on every change.
 *
 * <p>A {@code pending} user is not an account: it is the identity an IdP provisioned for a person who has not
 * signed in yet (creation policy {@code PENDING}). SCIM sees and changes it like any user; nothing else does. It
 * cannot sign anyone in, counts for no role, and becomes the account, with the same id, at the person's first SSO
 * sign-in (see {@code JitSignIn}).
 *
 * <p>Immutable: the {@code withX} methods return a copy, and {@link #nextVersion} makes a change a new version.
 * A user is unique in its site by its id and by its userName, compared by the identifier profile's key
 * (ADR 014: the full lower-case mapping, fullwidth forms as their narrow ones); the stores keep both rules.
 *
 * <pre>{@code
 * User deactivated = user.withActive(false).nextVersion(ChangeSource.SCIM, clock.instant());
 * deactivated.etag();   // W/"4" for a user at version 3
 * }</pre>
 *
 * @param id              Roster's id of the user (a UUID, unless an embedder's store gives its own), the SCIM
 *                        {@code id}; never changes
 * @param userName        the SCIM {@code userName}, not blank, as the client or the sign-in wrote it
 * @param externalId      the IdP's id of the user, if it sent one
 * @param active          whether the account may sign in (SCIM {@code active})
 * @param role            the user's role in the site (SCIM {@code userType})
 * @param displayName     the SCIM {@code displayName}, if any
 * @param name            the SCIM {@code name}, {@link Name#EMPTY} for none
 * @param emails          the SCIM {@code emails}, in order; copied, so the list is unmodifiable
 * @param otherAttributes every other attribute a schema defines, canonically named; extension attributes in an
 *                        object under the extension's URN
 * @param idpActive       the status the IdP last asserted, where one did; it differs from {@code active} when a
 *                        local admin overrode the IdP ({@link #drifted()})
 * @param lastChangedBy   who made the last change
 * @param claimedByIdp    whether an IdP has claimed the user with a {@code POST}, after which another
 *                        {@code POST} of the userName is {@code 409 uniqueness}
 * @param hidden          whether SCIM deleted it: hidden from SCIM (a {@code 404}), kept for a site admin to
 *                        restore
 * @param pending         whether it is a pending identity rather than an account
 * @param version         bumped on every change; the ETag ({@link #etag()})
 * @param created         when it was created ({@code meta.created})
 * @param lastModified    when it last changed ({@code meta.lastModified})
 */
public record User(
        String id,
        String userName,
        Optional<String> externalId,
        boolean active,
        Role role,
        Optional<String> displayName,
        Name name,
        List<Email> emails,
        ScimObject otherAttributes,
        Optional<Boolean> idpActive,
        ChangeSource lastChangedBy,
        boolean claimedByIdp,
        boolean hidden,
        boolean pending,
        long version,
        Instant created,
        Instant lastModified) {

    /**
     * Checks the components and copies {@code emails}.
     *
     * @param id              Roster's id of the user (a UUID, unless an embedder's store gives its own), the SCIM
     *                        {@code id}; never changes
     * @param userName        the SCIM {@code userName}, not blank, as the client or the sign-in wrote it
     * @param externalId      the IdP's id of the user, if it sent one
     * @param active          whether the account may sign in (SCIM {@code active})
     * @param role            the user's role in the site (SCIM {@code userType})
     * @param displayName     the SCIM {@code displayName}, if any
     * @param name            the SCIM {@code name}, {@link Name#EMPTY} for none
     * @param emails          the SCIM {@code emails}, in order; copied, so the list is unmodifiable
     * @param otherAttributes every other attribute a schema defines, canonically named; extension attributes in an
     *                        object under the extension's URN
     * @param idpActive       the status the IdP last asserted, where one did; it differs from {@code active} when a
     *                        local admin overrode the IdP ({@link #drifted()})
     * @param lastChangedBy   who made the last change
     * @param claimedByIdp    whether an IdP has claimed the user with a {@code POST}, after which another
     *                        {@code POST} of the userName is {@code 409 uniqueness}
     * @param hidden          whether SCIM deleted it: hidden from SCIM (a {@code 404}), kept for a site admin to
     *                        restore
     * @param pending         whether it is a pending identity rather than an account
     * @param version         bumped on every change; the ETag ({@link #etag()})
     * @param created         when it was created ({@code meta.created})
     * @param lastModified    when it last changed ({@code meta.lastModified})
     * @throws NullPointerException     for a null component
     * @throws IllegalArgumentException for a blank {@code userName}
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(name, "name");
        emails = List.copyOf(emails);
        Objects.requireNonNull(otherAttributes, "otherAttributes");
        Objects.requireNonNull(idpActive, "idpActive");
        Objects.requireNonNull(lastChangedBy, "lastChangedBy");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        if (userName.isBlank()) {
            throw new IllegalArgumentException("userName must not be blank");
        }
    }

    /**
     * The address to reach the user at.
     *
     * @return the primary email, else the first one; empty for a user without emails
     */
    public Optional<Email> preferredEmail() {
        return emails.stream().filter(Email::primary).findFirst().or(() -> emails.stream().findFirst());
    }

    /**
     * Whether the local status differs from the one the IdP last asserted.
     *
     * @return {@code true} if an IdP asserted a status and {@code active} is not it
     */
    public boolean drifted() {
        return idpActive.map(asserted -> asserted != active).orElse(false);
    }

    /**
     * The ETag form of the version, as {@code meta.version} shows it (RFC 7644 §3.14).
     *
     * @return a weak entity tag: {@code W/"3"}
     */
    public String etag() {
        return etagOf(version);
    }

    /**
     * The {@link #etag()} of a user at that version.
     *
     * @param version a user's version
     * @return {@code W/"version"}
     */
    public static String etagOf(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * A copy with another status; the version is {@link #nextVersion}'s to bump.
     *
     * @param value whether the account may sign in
     * @return the copy
     */
    public User withActive(boolean value) {
        return new User(id, userName, externalId, value, role, displayName, name, emails, otherAttributes, idpActive,
                lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    /**
     * A copy with another role.
     *
     * @param value the role
     * @return the copy
     */
    public User withRole(Role value) {
        return new User(id, userName, externalId, active, value, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    /**
     * A copy with another status as the IdP last asserted it.
     *
     * @param value the asserted status, or empty for none
     * @return the copy
     */
    public User withIdpActive(Optional<Boolean> value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes, value,
                lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    /**
     * A copy deleted by SCIM ({@code true}) or restored ({@code false}).
     *
     * @param value whether SCIM deleted it
     * @return the copy
     */
    public User withHidden(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, value, pending, version, created, lastModified);
    }

    /**
     * This user as a pending identity ({@code true}) or as an account ({@code false}).
     *
     * @param value whether it is a pending identity
     * @return the copy
     */
    public User withPending(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, value, version, created, lastModified);
    }

    /**
     * A copy claimed by an IdP, or not.
     *
     * @param value whether an IdP has claimed it with a {@code POST}
     * @return the copy
     */
    public User withClaimedByIdp(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, value, hidden, pending, version, created, lastModified);
    }

    /**
     * A copy with another profile: the SCIM attributes other than status and role ({@link UserProfile#applyTo}).
     *
     * @param newUserName        the userName
     * @param newExternalId      the externalId, or empty
     * @param newDisplayName     the displayName, or empty
     * @param newName            the name
     * @param newEmails          the emails
     * @param newOtherAttributes every other attribute, canonically named
     * @return the copy; id, status, role and bookkeeping unchanged
     */
    public User withProfile(String newUserName, Optional<String> newExternalId, Optional<String> newDisplayName,
                            Name newName, List<Email> newEmails, ScimObject newOtherAttributes) {
        return new User(id, newUserName, newExternalId, active, role, newDisplayName, newName, newEmails,
                newOtherAttributes, idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created,
                lastModified);
    }

    /**
     * The next version of this user, as a store writes it.
     *
     * @param source who made the change
     * @param now    when
     * @return the copy with the version bumped, {@code now} as {@code lastModified} and {@code source} as
     *         {@code lastChangedBy}
     */
    public User nextVersion(ChangeSource source, Instant now) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, source, claimedByIdp, hidden, pending, version + 1, created, now);
    }
}
