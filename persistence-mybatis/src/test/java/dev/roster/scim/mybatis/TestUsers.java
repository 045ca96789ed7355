package dev.roster.scim.mybatis;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users for tests: minimal ones, and copies with one thing changed. */
final class TestUsers {

    static final SiteId ACME = SiteId.of("acme");
    static final SiteId GLOBEX = SiteId.of("globex");
    static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

    private TestUsers() {
    }

    static User user(String id, String userName) {
        return new User(id, userName, Optional.empty(), true, Role.REGISTERED, Optional.empty(), Name.EMPTY,
                List.of(), ScimObject.EMPTY, Optional.empty(), ChangeSource.SCIM, true, false, false, 1, T0, T0);
    }

    static User withEmails(User user, Email... emails) {
        return user.withProfile(user.userName(), user.externalId(), user.displayName(), user.name(),
                List.of(emails), user.otherAttributes());
    }

    static User withExternalId(User user, String externalId) {
        return user.withProfile(user.userName(), Optional.ofNullable(externalId), user.displayName(), user.name(),
                user.emails(), user.otherAttributes());
    }

    static User withDisplayName(User user, String displayName) {
        return user.withProfile(user.userName(), user.externalId(), Optional.ofNullable(displayName), user.name(),
                user.emails(), user.otherAttributes());
    }

    static User withName(User user, String given, String family) {
        return user.withProfile(user.userName(), user.externalId(), user.displayName(), Name.of(given, family),
                user.emails(), user.otherAttributes());
    }

    static User withUserName(User user, String userName) {
        return user.withProfile(userName, user.externalId(), user.displayName(), user.name(), user.emails(),
                user.otherAttributes());
    }

    static User withOther(User user, ScimObject other) {
        return user.withProfile(user.userName(), user.externalId(), user.displayName(), user.name(), user.emails(),
                other);
    }

    static User withTimes(User user, Instant created, Instant lastModified) {
        return new User(user.id(), user.userName(), user.externalId(), user.active(), user.role(),
                user.displayName(), user.name(), user.emails(), user.otherAttributes(), user.idpActive(),
                user.lastChangedBy(), user.claimedByIdp(), user.hidden(), user.pending(), user.version(), created,
                lastModified);
    }

    static Email email(String value, String type, boolean primary) {
        return new Email(value, Optional.ofNullable(type), primary, Optional.empty());
    }
}
