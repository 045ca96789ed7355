package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.AuditRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The two statements every PATCH writes, in plain JDBC on the write transaction's connection (ADR 050): the
 * version-checked {@code UPDATE} of a user's row and the {@code INSERT} of an audit record. Through MyBatis each cost
 * a {@code BoundSql}, a reflective read of every parameter and a type-handler lookup per column, on SQLite's one
 * writer while the others queue; here each binds its columns in order. Statements are prepared on the caller's
 * connection: on SQLite's writer they are kept by it ({@link StatementCache#keeping}, ADR 047), on PostgreSQL by the
 * driver. These are the only copies of the two texts. An {@link SQLException} here is thrown translated by
 * {@link StorageFailures}.
 */
final class JdbcWrites {

    /**
     * Every column a user's value sets, checked against the version the change was decided on; a user that moves to
     * another userName key gives up the duplicate rank it held under the old one.
     */
    static final String UPDATE_USER = "UPDATE users SET user_name = ?, user_name_key = ?, external_id = ?,"
            + " display_name = ?, display_name_folded = ?, given_name = ?, given_name_folded = ?, family_name = ?,"
            + " family_name_folded = ?, active = ?, role = ?, idp_active = ?, last_changed_by = ?,"
            + " claimed_by_idp = ?, hidden = ?, pending = ?, version = ?, created = ?, last_modified = ?,"
            + " document = ?, scim_json = ?, scim_format = ?,"
            + " user_name_duplicate = CASE WHEN user_name_key = ? THEN user_name_duplicate ELSE 0 END"
            + " WHERE site = ? AND id = ? AND version = ?";

    /** One audit record; its autoincrement id orders the log. */
    static final String APPEND_AUDIT = "INSERT INTO audit_log (site, user_id, user_name, source, action, before,"
            + " after, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcWrites() {
    }

    /** How many rows the version-checked update changed: 1, or 0 when the user moved on or is gone. */
    static int updateUser(Connection connection, UserRow row, long expectedVersion) {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_USER)) {
            statement.setString(1, row.userName());
            statement.setString(2, row.userNameKey());
            text(statement, 3, row.externalId());
            text(statement, 4, row.displayName());
            text(statement, 5, row.displayNameFolded());
            text(statement, 6, row.givenName());
            text(statement, 7, row.givenNameFolded());
            text(statement, 8, row.familyName());
            text(statement, 9, row.familyNameFolded());
            statement.setBoolean(10, row.active());
            statement.setString(11, row.role());
            if (row.idpActive() == null) {
                statement.setNull(12, Types.BOOLEAN);
            } else {
                statement.setBoolean(12, row.idpActive());
            }
            statement.setString(13, row.lastChangedBy());
            statement.setBoolean(14, row.claimedByIdp());
            statement.setBoolean(15, row.hidden());
            statement.setBoolean(16, row.pending());
            statement.setLong(17, row.version());
            statement.setLong(18, row.created());
            statement.setLong(19, row.lastModified());
            statement.setString(20, row.document());
            text(statement, 21, row.scimJson());
            statement.setInt(22, row.scimFormat());
            statement.setString(23, row.userNameKey());
            statement.setString(24, row.site());
            statement.setString(25, row.id());
            statement.setLong(26, expectedVersion);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** Appends the records in order: one execution for one, a JDBC batch (one round trip on PostgreSQL) for more. */
    static void appendAudit(Connection connection, List<AuditRow> rows) {
        try (PreparedStatement statement = connection.prepareStatement(APPEND_AUDIT)) {
            if (rows.size() == 1) {
                bind(statement, rows.get(0));
                statement.executeUpdate();
                return;
            }
            for (AuditRow row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private static void bind(PreparedStatement statement, AuditRow row) throws SQLException {
        statement.setString(1, row.site());
        statement.setString(2, row.userId());
        statement.setString(3, row.userName());
        statement.setString(4, row.source());
        statement.setString(5, row.action());
        text(statement, 6, row.before());
        text(statement, 7, row.after());
        statement.setString(8, row.detail());
        statement.setLong(9, row.at());
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
