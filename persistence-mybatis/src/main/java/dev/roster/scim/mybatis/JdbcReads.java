package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.RenderingRow;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.mapper.UserSqlProvider;

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
 * renderings, alone or with the total of their search in one statement (ADR 046), the total of a search, and a
 * site's settings version. MyBatis's executor, result-set wrapper, result handler and per-call {@code BoundSql}
 * cost more than these statements' few columns need. The SQL still
 * comes from {@link UserSqlProvider} (translated once per text by {@link JdbcSearchText}); statements are prepared
 * on the caller's connection, so on a SQLite reader they come from its {@link StatementCache} and go back to it on
 * close, failed or not. The caller runs these inside {@link Sessions}, which ends the read and translates failures;
 * an {@link SQLException} here is thrown translated by {@link StorageFailures}.
 */
final class JdbcReads {

    /** The site's settings version (ADR 029): one row by primary key, none for an unknown site. */
    static final String SETTINGS_VERSION = "SELECT settings_version FROM sites WHERE site = ?";

    /** Texts kept translated: clients choose filter shapes, so the map is bounded and starts over when full. */
    static final int MAX_TEXTS = 512;

    /** Where {@link UserSqlProvider#renderingsWithTotal} puts the total: after the four rendering columns. */
    private static final int TOTAL_COLUMN = 5;

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

    /** A page's rows and, when the text carries it and a row came, the total of the search. */
    record PageRows(List<RenderingRow> rows, OptionalLong total) {
        PageRows {
            rows = List.copyOf(rows);
        }
    }

    private PageRows pageRows(Connection connection, String mybatisSql, UserSearchStatement statement,
                              boolean withTotal) {
        JdbcSearchText text = text(mybatisSql);
        try (PreparedStatement prepared = connection.prepareStatement(text.sql())) {
            text.bind(prepared, statement);
            try (ResultSet rows = prepared.executeQuery()) {
                List<RenderingRow> found = new ArrayList<>(Math.max(0, Math.min(statement.limit(), 1_000)));
                OptionalLong total = OptionalLong.empty();
                while (rows.next()) {
                    // the columns of UserSqlProvider.RENDERING_COLUMNS, in that order, then the total
                    found.add(new RenderingRow(rows.getString(1), rows.getLong(2), rows.getBytes(3),
                            rows.getInt(4)));
                    if (withTotal && total.isEmpty()) {
                        total = OptionalLong.of(rows.getLong(TOTAL_COLUMN));
                    }
                }
                return new PageRows(found, total);
            }
        } catch (SQLException e) {
            throw StorageFailures.translate(e);
        }
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
