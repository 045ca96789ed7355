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

    /** The primary email, else the first one. */
    public Optional<Email> preferredEmail() {
        return emails.stream().filter(Email::primary).findFirst().or(() -> emails.stream().findFirst());
    }

    /** Whether the local status differs from the one the IdP last asserted. */
    public boolean drifted() {
        return idpActive.map(asserted -> asserted != active).orElse(false);
    }

    /** The ETag form of the version, as {@code meta.version} shows it: {@code W/"3"}. */
    public String etag() {
        return etagOf(version);
    }

    /** The {@link #etag()} of a user at that version. */
    public static String etagOf(long version) {
        return "W/\"" + version + "\"";
    }

    public User withActive(boolean value) {
        return new User(id, userName, externalId, value, role, displayName, name, emails, otherAttributes, idpActive,
                lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    public User withRole(Role value) {
        return new User(id, userName, externalId, active, value, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    public User withIdpActive(Optional<Boolean> value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes, value,
                lastChangedBy, claimedByIdp, hidden, pending, version, created, lastModified);
    }

    public User withHidden(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, value, pending, version, created, lastModified);
    }

    /** This user as a pending identity ({@code true}) or as an account ({@code false}). */
    public User withPending(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, value, version, created, lastModified);
    }

    public User withClaimedByIdp(boolean value) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, value, hidden, pending, version, created, lastModified);
    }

    /** A copy with the profile (SCIM attributes other than status and role) of another user value. */
    public User withProfile(String newUserName, Optional<String> newExternalId, Optional<String> newDisplayName,
                            Name newName, List<Email> newEmails, ScimObject newOtherAttributes) {
        return new User(id, newUserName, newExternalId, active, role, newDisplayName, newName, newEmails,
                newOtherAttributes, idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created,
                lastModified);
    }

    /** The next version of this user: version bumped, modification time and source recorded. */
    public User nextVersion(ChangeSource source, Instant now) {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, source, claimedByIdp, hidden, pending, version + 1, created, now);
    }
}
