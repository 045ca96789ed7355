package dev.roster.scim.mybatis;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.schema.CaseFolding;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.mybatis.internal.mapper.EmailRow;
import dev.roster.scim.mybatis.internal.mapper.RenderingRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link User} to rows and back. Keys and folded copies are computed here, with the core's functions: the
 * {@link IdentifierProfile} key of identifiers, {@link CaseFolding} of other text.
 */
final class UserRows {

    /**
     * The format of the renderings this Roster writes ({@code users.scim_format}, ADR 030). Bump it with any change
     * to what {@link #rendering} writes for the same user (an attribute shown or left out, another order, another
     * escaping): stored renderings of another format are then rendered from the row until their next write.
     */
    static final int RENDERING_FORMAT = 1;

    private UserRows() {
    }

    static UserRow toRow(SiteId site, User user) {
        User stored = asStored(user);
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
                new UserDocument(user.name(), user.emails(), user.otherAttributes()).toJson(),
                rendering(stored),
                RENDERING_FORMAT);
    }

    /**
     * The row's stored rendering when it is the one of the row's version; otherwise (a row not written since
     * migration V11 / V6, or written by a Roster of before it, as in a rolling upgrade on PostgreSQL) rendered from
     * the row now. A rendering ends with {@code meta.version}, so the check costs no parsing.
     */
    static RenderedUser toRendered(UserRow row) {
        String json = row.scimJson();
        if (json != null && row.scimFormat() == RENDERING_FORMAT && json.endsWith(versionEnding(row.version()))) {
            return new RenderedUser(row.id(), json);
        }
        return new RenderedUser(row.id(), rendering(toUser(row)));
    }

    /**
     * {@link #toRendered}'s check on a row read for its rendering only: the stored bytes when they are the
     * rendering of the row's version in the current format; empty when the row must be rendered from all its
     * columns.
     */
    static Optional<RenderedUser> currentRendering(RenderingRow row) {
        byte[] json = row.scimJson();
        if (json == null || row.scimFormat() != RENDERING_FORMAT
                || !endsWith(json, versionEnding(row.version()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(RenderedUser.ofUtf8(row.id(), json));
    }

    private static boolean endsWith(byte[] text, byte[] ending) {
        int from = text.length - ending.length;
        return from >= 0 && Arrays.equals(text, from, text.length, ending, 0, ending.length);
    }

    /** What the slow path renders for the user as it is read back: {@link UserResources#defaultRepresentation}. */
    static String rendering(User user) {
        return ScimJson.write(UserResources.defaultRepresentation(user));
    }

    /**
     * How a rendering of that version ends: {@code meta.version}'s JSON string, then the ends of {@code meta} and of
     * the user. Written out rather than by {@code ScimJson} (a generator per row of a page): an entity tag of
     * {@link User#etagOf} holds two quotes and digits, and only the quotes are escaped.
     */
    static String versionEnding(long version) {
        return "\"W/\\\"" + version + "\\\"\"}}";
    }

    /** The user as reading its row rebuilds it: timestamps kept to the millisecond, as the columns keep them. */
    private static User asStored(User user) {
        Instant created = user.created().truncatedTo(ChronoUnit.MILLIS);
        Instant lastModified = user.lastModified().truncatedTo(ChronoUnit.MILLIS);
        if (created.equals(user.created()) && lastModified.equals(user.lastModified())) {
            return user;
        }
        return new User(user.id(), user.userName(), user.externalId(), user.active(), user.role(),
                user.displayName(), user.name(), user.emails(), user.otherAttributes(), user.idpActive(),
                user.lastChangedBy(), user.claimedByIdp(), user.hidden(), user.pending(), user.version(), created,
                lastModified);
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
