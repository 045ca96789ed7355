package dev.roster.scim.testkit;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link User}s for tests, starting from an active Registered user at version 1 with nothing but an id and
 * a userName. Times are whole milliseconds, as the SQL store keeps them.
 *
 * <pre>{@code
 * User ann = UserBuilder.user("u1", "ann").role(Role.ADMIN).email("ann@example.com").build();
 * }</pre>
 */
public final class UserBuilder {

    /** When a built user was created (and last modified) unless set: whole milliseconds, as the SQL store keeps. */
    public static final Instant CREATED = Instant.parse("2026-01-15T08:30:00.250Z");

    private final String id;
    private String userName;
    private Optional<String> externalId = Optional.empty();
    private boolean active = true;
    private Role role = Role.REGISTERED;
    private Optional<String> displayName = Optional.empty();
    private Name name = Name.EMPTY;
    private final List<Email> emails = new ArrayList<>();
    private ScimObject otherAttributes = ScimObject.EMPTY;
    private Optional<Boolean> idpActive = Optional.empty();
    private ChangeSource lastChangedBy = ChangeSource.SIGN_IN;
    private boolean claimedByIdp;
    private boolean hidden;
    private boolean pending;
    private long version = 1;
    private Instant created = CREATED;
    private Optional<Instant> lastModified = Optional.empty();

    private UserBuilder(String id, String userName) {
        this.id = id;
        this.userName = userName;
    }

    /**
     * Starts an active Registered user at version 1, signed in (not pending), created at {@link #CREATED}.
     *
     * @param id       the user's id
     * @param userName the user's userName
     * @return a new builder
     */
    public static UserBuilder user(String id, String userName) {
        return new UserBuilder(id, userName);
    }

    /**
     * Replaces the userName.
     *
     * @param value the userName, not blank
     * @return this builder
     */
    public UserBuilder userName(String value) {
        this.userName = value;
        return this;
    }

    /**
     * Sets the {@code externalId} the IdP assigned.
     *
     * @param value the external id
     * @return this builder
     */
    public UserBuilder externalId(String value) {
        this.externalId = Optional.of(value);
        return this;
    }

    /**
     * Sets the user's actual status; {@code true} unless set.
     *
     * @param value whether the user is active
     * @return this builder
     */
    public UserBuilder active(boolean value) {
        this.active = value;
        return this;
    }

    /**
     * Sets the site role; {@link Role#REGISTERED} unless set.
     *
     * @param value the role
     * @return this builder
     */
    public UserBuilder role(Role value) {
        this.role = value;
        return this;
    }

    /**
     * Sets the {@code displayName}.
     *
     * @param value the display name
     * @return this builder
     */
    public UserBuilder displayName(String value) {
        this.displayName = Optional.of(value);
        return this;
    }

    /**
     * Sets the name from its two common parts.
     *
     * @param givenName  the given name
     * @param familyName the family name
     * @return this builder
     */
    public UserBuilder name(String givenName, String familyName) {
        this.name = Name.of(givenName, familyName);
        return this;
    }

    /**
     * Sets the whole name; {@link Name#EMPTY} unless set.
     *
     * @param value the name
     * @return this builder
     */
    public UserBuilder name(Name value) {
        this.name = value;
        return this;
    }

    /**
     * Adds a primary work email.
     *
     * @param value the address
     * @return this builder
     */
    public UserBuilder email(String value) {
        return email(Email.primaryWork(value));
    }

    /**
     * Adds an email, after those added before.
     *
     * @param value the email
     * @return this builder
     */
    public UserBuilder email(Email value) {
        this.emails.add(value);
        return this;
    }

    /**
     * Replaces the attributes without a typed home in {@link User}, canonically named (see {@link User}).
     *
     * @param value the other attributes
     * @return this builder
     */
    public UserBuilder otherAttributes(ScimObject value) {
        this.otherAttributes = value;
        return this;
    }

    /**
     * Sets one other attribute to a string, such as {@code other("title", "Engineer")}.
     *
     * @param attribute the attribute's canonical name
     * @param value     its text
     * @return this builder
     */
    public UserBuilder other(String attribute, String value) {
        this.otherAttributes = otherAttributes.with(attribute, ScimValue.of(value));
        return this;
    }

    /**
     * Sets the status the IdP last asserted; none unless set.
     *
     * @param value the asserted status
     * @return this builder
     */
    public UserBuilder idpActive(boolean value) {
        this.idpActive = Optional.of(value);
        return this;
    }

    /**
     * Sets who changed the user last; {@link ChangeSource#SIGN_IN} unless set.
     *
     * @param value the source of the last change
     * @return this builder
     */
    public UserBuilder lastChangedBy(ChangeSource value) {
        this.lastChangedBy = value;
        return this;
    }

    /**
     * Sets whether an IdP has claimed the user with a POST.
     *
     * @param value whether the user is claimed
     * @return this builder
     */
    public UserBuilder claimedByIdp(boolean value) {
        this.claimedByIdp = value;
        return this;
    }

    /**
     * Sets whether SCIM deleted the user (hidden from SCIM, kept for an admin to restore).
     *
     * @param value whether the user is hidden
     * @return this builder
     */
    public UserBuilder hidden(boolean value) {
        this.hidden = value;
        return this;
    }

    /**
     * Makes the user a pending identity: provisioned by the IdP (so also claimed by it, and last changed by SCIM),
     * not signed in yet.
     *
     * @param value whether the user is pending; {@code false} leaves the claim and the last change as they are
     * @return this builder
     */
    public UserBuilder pending(boolean value) {
        this.pending = value;
        if (value) {
            this.claimedByIdp = true;
            this.lastChangedBy = ChangeSource.SCIM;
        }
        return this;
    }

    /**
     * Sets the version, which every change bumps; 1 unless set.
     *
     * @param value the version
     * @return this builder
     */
    public UserBuilder version(long value) {
        this.version = value;
        return this;
    }

    /**
     * Sets when the user was created; also the last modification unless that is set.
     *
     * @param value the creation time
     * @return this builder
     */
    public UserBuilder created(Instant value) {
        this.created = value;
        return this;
    }

    /**
     * Sets when the user was created, as {@link #created(Instant)}.
     *
     * @param iso an ISO-8601 instant, such as {@code 2026-01-01T10:00:00.000Z}
     * @return this builder
     */
    public UserBuilder created(String iso) {
        return created(Instant.parse(iso));
    }

    /**
     * Sets when the user was last modified; the creation time unless set.
     *
     * @param value the modification time
     * @return this builder
     */
    public UserBuilder lastModified(Instant value) {
        this.lastModified = Optional.of(value);
        return this;
    }

    /**
     * Sets when the user was last modified, as {@link #lastModified(Instant)}.
     *
     * @param iso an ISO-8601 instant
     * @return this builder
     */
    public UserBuilder lastModified(String iso) {
        return lastModified(Instant.parse(iso));
    }

    /**
     * The user as built so far.
     *
     * @return the user
     * @throws NullPointerException     if a value set on the way was null
     * @throws IllegalArgumentException if the userName is blank
     */
    public User build() {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created,
                lastModified.orElse(created));
    }
}
