package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.schema.CaseFolding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Rows exactly as Roster wrote them before migration 4 (schema versions 1 to 3): {@code *_folded} columns of
 * {@link CaseFolding#fold}, which is unchanged, and the document column of {@link UserDocument}. The statements are
 * the ones the mapper of that time ran, so a test can build the database an upgrade meets.
 */
final class FoldingEraRows {

    private FoldingEraRows() {
    }

    static void insertSite(Connection connection, SiteId site) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sites VALUES (?, 0, 0, 0, NULL, NULL)")) {
            insert.setString(1, site.value());
            insert.executeUpdate();
        }
    }

    static void insert(Connection connection, SiteId site, User user) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (site, id, user_name,"
                + " user_name_folded, external_id, display_name, display_name_folded, given_name, given_name_folded,"
                + " family_name, family_name_folded, active, role, idp_active, last_changed_by, claimed_by_idp,"
                + " hidden, version, created, last_modified, document)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            insert.setString(++i, site.value());
            insert.setString(++i, user.id());
            insert.setString(++i, user.userName());
            insert.setString(++i, CaseFolding.fold(user.userName()));
            insert.setString(++i, user.externalId().orElse(null));
            insert.setString(++i, user.displayName().orElse(null));
            insert.setString(++i, folded(user.displayName()));
            insert.setString(++i, user.name().givenName().orElse(null));
            insert.setString(++i, folded(user.name().givenName()));
            insert.setString(++i, user.name().familyName().orElse(null));
            insert.setString(++i, folded(user.name().familyName()));
            insert.setBoolean(++i, user.active());
            insert.setString(++i, user.role().scimValue());
            insert.setObject(++i, user.idpActive().orElse(null));
            insert.setString(++i, user.lastChangedBy().label());
            insert.setBoolean(++i, user.claimedByIdp());
            insert.setBoolean(++i, user.hidden());
            insert.setLong(++i, user.version());
            insert.setLong(++i, user.created().toEpochMilli());
            insert.setLong(++i, user.lastModified().toEpochMilli());
            insert.setString(++i, new UserDocument(user.name(), user.emails(), user.otherAttributes()).toJson());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_emails (site, user_id,"
                + " position, value, value_folded, type, type_folded, is_primary, display)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int position = 0; position < user.emails().size(); position++) {
                Email email = user.emails().get(position);
                int i = 0;
                insert.setString(++i, site.value());
                insert.setString(++i, user.id());
                insert.setInt(++i, position);
                insert.setString(++i, email.value());
                insert.setString(++i, CaseFolding.fold(email.value()));
                insert.setString(++i, email.type().orElse(null));
                insert.setString(++i, folded(email.type()));
                insert.setBoolean(++i, email.primary());
                insert.setString(++i, email.display().orElse(null));
                insert.executeUpdate();
            }
        }
    }

    static void insert(Connection connection, AuditRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (site, user_id, user_name,"
                + " source, action, before, after, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.site().value());
            insert.setString(2, record.userId());
            insert.setString(3, record.userName());
            insert.setString(4, record.source().label());
            insert.setString(5, record.action());
            insert.setString(6, record.before().orElse(null));
            insert.setString(7, record.after().orElse(null));
            insert.setString(8, record.detail());
            insert.setLong(9, record.at().toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static String folded(Optional<String> text) {
        return text.map(CaseFolding::fold).orElse(null);
    }
}
