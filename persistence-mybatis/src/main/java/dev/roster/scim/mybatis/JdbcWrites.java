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
 * driver. These are the only copies of their texts. An {@link SQLException} here is thrown translated by
 * {@link StorageFailures}.
 */
final class JdbcWrites {

    /** The columns every update sets, which no index but {@code users_active} and {@code users_last_modified} holds. */
    private static final String EVERY_UPDATE_SETS = "user_name = ?, display_name = ?, display_name_folded = ?,"
            + " given_name = ?, given_name_folded = ?, family_name = ?, family_name_folded = ?, active = ?, role = ?,"
            + " idp_active = ?, last_changed_by = ?, claimed_by_idp = ?, hidden = ?, version = ?, created = ?,"
            + " last_modified = ?, document = ?, scim_json = ?, scim_format = ?";

    private static final String VERSION_CHECKED = " WHERE site = ? AND id = ? AND version = ?";

    /**
     * Every column a user's value sets, checked against the version the change was decided on; a user that moves to
     * another userName key gives up the duplicate rank it held under the old one. (The right-hand sides read the
     * row as it was, so the {@code CASE} sees the old key.)
     */
    static final String UPDATE_USER = "UPDATE users SET user_name_key = ?, external_id = ?, pending = ?,"
            + " user_name_duplicate = CASE WHEN user_name_key = ? THEN user_name_duplicate ELSE 0 END, "
            + EVERY_UPDATE_SETS + VERSION_CHECKED;

    /**
     * The update of a user whose userName key, externalId and pending flag stay, as a PATCH of {@code active} or of
     * a role: it leaves those columns out of its {@code SET}, because SQLite rewrites the entries of every index whose
     * columns a {@code SET} names, changed or not. So it leaves {@code users_user_name}, {@code users_external_id}
     * and {@code users_pending} alone: 6 WAL pages a commit instead of 8 (ADR 056).
     */
    static final String UPDATE_USER_KEEPING_ITS_KEYS = "UPDATE users SET " + EVERY_UPDATE_SETS + VERSION_CHECKED;

    /** One audit record; its autoincrement id orders the log. */
    static final String APPEND_AUDIT = "INSERT INTO audit_log (site, user_id, user_name, source, action, before,"
            + " after, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcWrites() {
    }

    /**
     * How many rows the version-checked update changed: 1, or 0 when the user moved on or is gone.
     *
     * @param keepsItsKeys the stored row, at {@code expectedVersion}, has the row's userName key, externalId and
     *                     pending flag; if it is not at that version the update changes nothing either way
     */
    static int updateUser(Connection connection, UserRow row, long expectedVersion, boolean keepsItsKeys) {
        try (PreparedStatement statement = connection.prepareStatement(keepsItsKeys ? UPDATE_USER_KEEPING_ITS_KEYS
                : UPDATE_USER)) {
            int next = 1;
            if (!keepsItsKeys) {
                statement.setString(next++, row.userNameKey());
                text(statement, next++, row.externalId());
                statement.setBoolean(next++, row.pending());
                statement.setString(next++, row.userNameKey());
            }
            statement.setString(next++, row.userName());
            text(statement, next++, row.displayName());
            text(statement, next++, row.displayNameFolded());
            text(statement, next++, row.givenName());
            text(statement, next++, row.givenNameFolded());
            text(statement, next++, row.familyName());
            text(statement, next++, row.familyNameFolded());
            statement.setBoolean(next++, row.active());
            statement.setString(next++, row.role());
            if (row.idpActive() == null) {
                statement.setNull(next++, Types.BOOLEAN);
            } else {
                statement.setBoolean(next++, row.idpActive());
            }
            statement.setString(next++, row.lastChangedBy());
            statement.setBoolean(next++, row.claimedByIdp());
            statement.setBoolean(next++, row.hidden());
            statement.setLong(next++, row.version());
            statement.setLong(next++, row.created());
            statement.setLong(next++, row.lastModified());
            statement.setString(next++, row.document());
            text(statement, next++, row.scimJson());
            statement.setInt(next++, row.scimFormat());
            statement.setString(next++, row.site());
            statement.setString(next++, row.id());
            statement.setLong(next, expectedVersion);
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
