package dev.roster.scim.mybatis;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.mybatis.internal.mapper.EmailRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link User} to rows and back. Keys and folded copies are computed here, with the core's functions: the
 * {@link IdentifierProfile} key of identifiers, {@link CaseFolding} of other text.
 */
final class UserRows {

    private UserRows() {
    }

    static UserRow toRow(SiteId site, User user) {
        Optional<String> given = user.name().givenName();
        Optional<String> family = user.name().familyName();
        return new UserRow(
                site.value(),
                user.id(),
                user.userName(),
                IdentifierProfile.key(user.userName()),
                user.externalId().orElse(null),
                user.displayName().orElse(null),
                folded(user.displayName()),
                given.orElse(null),
                folded(given),
                family.orElse(null),
                folded(family),
                user.active(),
                user.role().scimValue(),
                user.idpActive().orElse(null),
                user.lastChangedBy().label(),
                user.claimedByIdp(),
                user.hidden(),
                user.pending(),
                user.version(),
                user.created().toEpochMilli(),
                user.lastModified().toEpochMilli(),
                new UserDocument(user.name(), user.emails(), user.otherAttributes()).toJson());
    }

    static List<EmailRow> emailRows(SiteId site, User user) {
        List<EmailRow> rows = new ArrayList<>(user.emails().size());
        for (int position = 0; position < user.emails().size(); position++) {
            Email email = user.emails().get(position);
            rows.add(new EmailRow(site.value(), user.id(), position, email.value(), IdentifierProfile.key(email.value()),
                    email.type().orElse(null), folded(email.type()), email.primary(), email.display().orElse(null)));
        }
        return rows;
    }

    static User toUser(UserRow row) {
        UserDocument document = UserDocument.fromJson(row.document());
        return new User(
                row.id(),
                row.userName(),
                Optional.ofNullable(row.externalId()),
                row.active(),
                Role.fromScimValue(row.role()).orElseThrow(
                        () -> new RosterStorageException("A stored user has an unknown role.")),
                Optional.ofNullable(row.displayName()),
                document.name(),
                document.emails(),
                document.otherAttributes(),
                Optional.ofNullable(row.idpActive()),
                ChangeSource.fromLabel(row.lastChangedBy()),
                row.claimedByIdp(),
                row.hidden(),
                row.pending(),
                row.version(),
                Instant.ofEpochMilli(row.created()),
                Instant.ofEpochMilli(row.lastModified()));
    }

    private static String folded(Optional<String> text) {
        return text.map(CaseFolding::fold).orElse(null);
    }
}
