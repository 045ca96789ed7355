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

    public static UserBuilder user(String id, String userName) {
        return new UserBuilder(id, userName);
    }

    public UserBuilder userName(String value) {
        this.userName = value;
        return this;
    }

    public UserBuilder externalId(String value) {
        this.externalId = Optional.of(value);
        return this;
    }

    public UserBuilder active(boolean value) {
        this.active = value;
        return this;
    }

    public UserBuilder role(Role value) {
        this.role = value;
        return this;
    }

    public UserBuilder displayName(String value) {
        this.displayName = Optional.of(value);
        return this;
    }

    public UserBuilder name(String givenName, String familyName) {
        this.name = Name.of(givenName, familyName);
        return this;
    }

    public UserBuilder name(Name value) {
        this.name = value;
        return this;
    }

    /** Adds a primary work email. */
    public UserBuilder email(String value) {
        return email(Email.primaryWork(value));
    }

    public UserBuilder email(Email value) {
        this.emails.add(value);
        return this;
    }

    public UserBuilder otherAttributes(ScimObject value) {
        this.otherAttributes = value;
        return this;
    }

    public UserBuilder other(String attribute, String value) {
        this.otherAttributes = otherAttributes.with(attribute, ScimValue.of(value));
        return this;
    }

    public UserBuilder idpActive(boolean value) {
        this.idpActive = Optional.of(value);
        return this;
    }

    public UserBuilder lastChangedBy(ChangeSource value) {
        this.lastChangedBy = value;
        return this;
    }

    public UserBuilder claimedByIdp(boolean value) {
        this.claimedByIdp = value;
        return this;
    }

    public UserBuilder hidden(boolean value) {
        this.hidden = value;
        return this;
    }

    /** A pending identity: provisioned by the IdP (so also claimed by it), not signed in yet. */
    public UserBuilder pending(boolean value) {
        this.pending = value;
        if (value) {
            this.claimedByIdp = true;
            this.lastChangedBy = ChangeSource.SCIM;
        }
        return this;
    }

    public UserBuilder version(long value) {
        this.version = value;
        return this;
    }

    public UserBuilder created(Instant value) {
        this.created = value;
        return this;
    }

    public UserBuilder created(String iso) {
        return created(Instant.parse(iso));
    }

    public UserBuilder lastModified(Instant value) {
        this.lastModified = Optional.of(value);
        return this;
    }

    public UserBuilder lastModified(String iso) {
        return lastModified(Instant.parse(iso));
    }

    public User build() {
        return new User(id, userName, externalId, active, role, displayName, name, emails, otherAttributes,
                idpActive, lastChangedBy, claimedByIdp, hidden, pending, version, created,
                lastModified.orElse(created));
    }
}
