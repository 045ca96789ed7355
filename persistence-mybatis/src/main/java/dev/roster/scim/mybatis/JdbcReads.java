package dev.roster.scim.mybatis;

import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.mybatis.internal.mapper.RenderingRow;
import dev.roster.scim.mybatis.internal.mapper.UserNameKeyRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.mapper.UserSqlProvider;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The hot, fixed reads run in plain JDBC on the connection of the read they belong to (ADR 041): a page's
 * renderings, alone or with the total of their search in one statement (ADR 046), the total of a search, a site's
 * settings version, and (ADR 047) the user read by id or userName key and the stored key a write checks. MyBatis's
 * executor, result-set wrapper, result handler and per-call {@code BoundSql} cost more than these statements' few
 * columns need. The SQL still comes from {@link UserSqlProvider} (translated once per text by
 * {@link JdbcSearchText}); statements are prepared on the caller's connection, so on a SQLite reader they come from
 * its {@link StatementCache} and go back to it on close, failed or not. The caller runs these inside
 * {@link Sessions}, which ends the read and translates failures; an {@link SQLException} here is thrown translated
 * by {@link StorageFailures}.
 */
final class JdbcReads {

    /** The site's settings version (ADR 029): one row by primary key, none for an unknown site. */
    static final String SETTINGS_VERSION = "SELECT settings_version FROM sites WHERE site = ?";

    /** A user's row by id: every column of {@link UserRow}, in its order. */
    static final String USER_BY_ID = "SELECT " + UserSqlProvider.USER_COLUMNS
            + " FROM users u WHERE u.site = ? AND u.id = ?";

    /** The user holding a userName key: the one that is not a duplicate kept from before ADR 014. */
    static final String USER_BY_NAME_KEY = "SELECT " + UserSqlProvider.USER_COLUMNS
            + " FROM users u WHERE u.site = ? AND u.user_name_key = ? ORDER BY u.user_name_duplicate LIMIT 1";

    /** A user's rendering and what tells whether it is current and visible, by id. */
    static final String RENDERING_BY_ID = "SELECT u.id, u.version, u.scim_json, u.scim_format, u.hidden"
            + " FROM users u WHERE u.site = ? AND u.id = ?";

    /** A user's stored key, its duplicate rank, and whether its stored document is the one bound. */
    static final String USER_NAME_KEY_OF = "SELECT user_name_key, user_name_duplicate, document = ?, external_id,"
            + " pending FROM users WHERE site = ? AND id = ?";

    /** Texts kept translated: clients choose filter shapes, so the map is bounded and starts over when full. */
    static final int MAX_TEXTS = 512;

    /** Where {@link UserSqlProvider#renderingsWithTotal} puts the total: after the four rendering columns. */
    private static final int TOTAL_COLUMN = 5;

    /** Where {@link UserSqlProvider#renderingsWithSortValue} puts the sort value: after the four rendering columns. */
    private static final int SORT_VALUE_COLUMN = 5;

    private final UserSqlProvider provider = new UserSqlProvider();
    private final ConcurrentMap<String, JdbcSearchText> translated = new ConcurrentHashMap<>();

    /** The rows of {@link UserSqlProvider#renderings}, in its order. */
    List<RenderingRow> renderings(Connection connection, UserSearchStatement statement) {
        return pageRows(connection, provider.renderings(statement), statement, false).rows();
    }

    /**
     * The rows of {@link UserSqlProvider#renderingsWithTotal}, in its order, and the total they carry (ADR 046);
     * no total when the page is empty.
     */
    PageRows renderingsWithTotal(Connection connection, UserSearchStatement statement,
                                 Optional<Boolean> countedActive) {
        return pageRows(connection, provider.renderingsWithTotal(statement, countedActive), statement, true);
    }

    /**
     * The rows of {@link UserSqlProvider#renderingsWithSortValue} for a keyset page in {@code order}, in its order,
     * each with the sort column's value as a position holds it: epoch milliseconds for an instant column, else the
     * stored text; {@code null} for NULL or for an order by id alone.
     */
    List<SortedRenderingRow> renderingsWithSortValue(Connection connection, UserSearchStatement statement,
                                                     KeysetOrder order) {
        Optional<String> column = order.columnSql();
        String sql = provider.renderingsWithSortValue(statement, column.orElse("NULL"));
        return rows(connection, sql, statement, rows -> {
            Object value = column.isEmpty() ? null
                    : order.numeric() ? nullableLong(rows, SORT_VALUE_COLUMN) : rows.getString(SORT_VALUE_COLUMN);
            return new SortedRenderingRow(renderingRow(rows, statement.dialect()), value);
        });
    }

    /** A keyset page's row: the rendering's columns and the sort column's value ({@code null} for none). */
    record SortedRenderingRow(RenderingRow rendering, Object sortValue) {
    }

    /** A page's rows and, when the text carries it and a row came, the total of the search. */
    record PageRows(List<RenderingRow> rows, OptionalLong total) {
        PageRows {
            rows = List.copyOf(rows);
        }
    }

    private PageRows pageRows(Connection connection, String mybatisSql, UserSearchStatement statement,
                              boolean withTotal) {
        OptionalLong[] total = {OptionalLong.empty()};
        List<RenderingRow> found = rows(connection, mybatisSql, statement, rows -> {
            if (withTotal && total[0].isEmpty()) {
                total[0] = OptionalLong.of(rows.getLong(TOTAL_COLUMN));
            }
            return renderingRow(rows, statement.dialect());
        });
        return new PageRows(found, total[0]);
    }

    /** The columns of {@link UserSqlProvider#RENDERING_COLUMNS}, in that order, at the start of the row. */
    private static RenderingRow renderingRow(ResultSet rows, Dialect dialect) throws SQLException {
        return renderingRow(id(rows, dialect), rows);
    }

    /** {@link #renderingRow(ResultSet, Dialect)} of a row whose id is known. */
    private static RenderingRow renderingRow(String id, ResultSet rows) throws SQLException {
        return new RenderingRow(id, rows.getLong(2), rows.getBytes(3), rows.getInt(4));
    }

    /**
     * The first column, the id. On SQLite read as the text's UTF-8 bytes (SQLite hands a TEXT value to a BLOB read
     * unchanged): sqlite-jdbc's {@code getString} wraps each value in a direct {@code ByteBuffer} made through a
     * JNI up-call, 5 % of a page's CPU for a page of 100 (ADR 060). pgjdbc reads text as text.
     */
    private static String id(ResultSet rows, Dialect dialect) throws SQLException {
        if (dialect != Dialect.SQLITE) {
            return rows.getString(1);
        }
        byte[] utf8 = rows.getBytes(1);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** Each row of a search text as {@code reader} reads it, in order. */
    private <T> List<T> rows(Connection connection, String mybatisSql, UserSearchStatement statement,
                             RowReader<T> reader) {
        JdbcSearchText text = text(mybatisSql);
        try (PreparedStatement prepared = connection.prepareStatement(text.sql())) {
            text.bind(prepared, statement);
            try (ResultSet rows = prepared.executeQuery()) {
                List<T> found = new ArrayList<>(Math.max(0, Math.min(statement.limit(), 1_000)));
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
                return found;
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** {@link UserSqlProvider#count}: the matches of the statement's condition, or the site's counts. */
    long count(Connection connection, UserSearchStatement statement) {
        return single(connection, provider.count(statement), statement);
    }

    /** {@link UserSqlProvider#countActive}: the users in scope whose {@code active} is the one parameter. */
    long countActive(Connection connection, UserSearchStatement statement) {
        return single(connection, provider.countActive(statement), statement);
    }

    /** The site's settings version, empty for a site the store does not know. */
    static OptionalLong settingsVersion(Connection connection, String site) {
        try (PreparedStatement prepared = connection.prepareStatement(SETTINGS_VERSION)) {
            prepared.setString(1, site);
            try (ResultSet rows = prepared.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** The user's row, every column as MyBatis's {@code userRow} result map read it; empty for no such user. */
    static Optional<UserRow> userById(Connection connection, String site, String id) {
        return oneUser(connection, USER_BY_ID, site, id);
    }

    /** The row of the user holding that userName key (not a kept duplicate); empty when nobody holds it. */
    static Optional<UserRow> userByNameKey(Connection connection, String site, String userNameKey) {
        return oneUser(connection, USER_BY_NAME_KEY, site, userNameKey);
    }

    /**
     * A visible user's stored rendering when it is current (ADR 026), without the row's other columns; for a user
     * whose rendering is stale or missing, the whole row is read by a second statement and rendered from it.
     */
    static Optional<StoredRendering> renderedById(Connection connection, String site, String id) {
        Optional<RenderingRow> row;
        try (PreparedStatement prepared = connection.prepareStatement(RENDERING_BY_ID)) {
            prepared.setString(1, site);
            prepared.setString(2, id);
            try (ResultSet rows = prepared.executeQuery()) {
                if (!rows.next() || rows.getBoolean(5)) {
                    return Optional.empty();
                }
                // the id asked for: the row's, compared exactly (BINARY collation, = on text)
                row = Optional.of(renderingRow(id, rows));
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
        Optional<StoredRendering> current = row.flatMap(found -> UserRows.currentRendering(found)
                .map(rendering -> new StoredRendering(rendering, found.version())));
        if (current.isPresent()) {
            return current;
        }
        // Stale: the whole row, as it is now (on a reader in auto-commit a later snapshot than the first statement's).
        return userById(connection, site, id).filter(user -> !user.hidden())
                .map(user -> new StoredRendering(UserRows.toRendered(user), user.version()));
    }

    /** The stored key of a user, its duplicate rank, and whether its stored document is {@code document}. */
    static Optional<UserNameKeyRow> userNameKeyOf(Connection connection, String site, String id, String document) {
        try (PreparedStatement prepared = connection.prepareStatement(USER_NAME_KEY_OF)) {
            prepared.setString(1, document);
            prepared.setString(2, site);
            prepared.setString(3, id);
            try (ResultSet rows = prepared.executeQuery()) {
                return rows.next() ? Optional.of(new UserNameKeyRow(rows.getString(1), rows.getInt(2),
                        rows.getBoolean(3), rows.getString(4), rows.getBoolean(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private static Optional<UserRow> oneUser(Connection connection, String sql, String site, String key) {
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            prepared.setString(1, site);
            prepared.setString(2, key);
            try (ResultSet rows = prepared.executeQuery()) {
                return rows.next() ? Optional.of(userRow(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    /** The columns of {@link UserSqlProvider#USER_COLUMNS}, in that order. */
    private static UserRow userRow(ResultSet rows) throws SQLException {
        return new UserRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getBoolean(12), rows.getString(13),
                nullableBoolean(rows, 14), rows.getString(15), rows.getBoolean(16), rows.getBoolean(17),
                rows.getBoolean(18), rows.getLong(19), rows.getLong(20), rows.getLong(21), rows.getString(22),
                rows.getString(23), rows.getInt(24));
    }

    private static Boolean nullableBoolean(ResultSet rows, int column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private long single(Connection connection, String mybatisSql, UserSearchStatement statement) {
        JdbcSearchText text = text(mybatisSql);
        try (PreparedStatement prepared = connection.prepareStatement(text.sql())) {
            text.bind(prepared, statement);
            try (ResultSet rows = prepared.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("a count returned no row");
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
    }

    private JdbcSearchText text(String mybatisSql) {
        JdbcSearchText known = translated.get(mybatisSql);
        if (known != null) {
            return known;
        }
        if (translated.size() >= MAX_TEXTS) {
            translated.clear();
        }
        return translated.computeIfAbsent(mybatisSql, JdbcSearchText::of);
    }
}
