package dev.roster.scim.mybatis.internal.mapper;

import dev.roster.scim.mybatis.internal.sql.Dialect;

import java.util.Optional;

/**
 * Builds the SQL of user searches. A provider rather than XML because a filter is a tree and XML cannot recurse
 * over one (see docs/adr/007-filter-push-down-with-a-provider.md). The text assembled here comes only from
 * constants and from {@code FilterToSql} and {@code SortToSql}, which write allow-listed columns and {@code #{}}
 * placeholders: every value is bound.
 */
public final class UserSqlProvider {

    /** Every column of {@link UserRow}, in its order: {@code JdbcReads} reads them by index. */
    public static final String USER_COLUMNS = "u.site, u.id, u.user_name, u.user_name_key, u.external_id, u.display_name,"
            + " u.display_name_folded, u.given_name, u.given_name_folded, u.family_name, u.family_name_folded,"
            + " u.active, u.role, u.idp_active, u.last_changed_by, u.claimed_by_idp, u.hidden, u.pending, u.version,"
            + " u.created, u.last_modified, u.document, u.scim_json, u.scim_format";

    /** The columns of {@link #renderings}, in the order {@code JdbcReads} reads them by index. */
    static final String RENDERING_COLUMNS = "u.id, u.version, u.scim_json, u.scim_format";

    /**
     * The number of matches: without a condition, the sum of the site's {@code user_counts} rows in scope (at most
     * four rows, kept by triggers, see V7/V2), so that no search without a filter counts the site's users.
     */
    public String count(UserSearchStatement statement) {
        if (statement.condition().isEmpty()) {
            return "SELECT COALESCE(SUM(c.users), 0) FROM user_counts c" + scope(statement, "c");
        }
        return "SELECT COUNT(*) FROM users u" + where(statement);
    }

    /**
     * The number of users in scope whose {@code active} is the statement's one parameter: the sum of at most four
     * {@code user_counts} rows (kept by active too since V14/V9), for {@code filter=active eq true|false}.
     */
    public String countActive(UserSearchStatement statement) {
        return activeCount(statement, "#{params[0]}");
    }

    public String search(UserSearchStatement statement) {
        return page(USER_COLUMNS, statement);
    }

    /** {@link #search}'s rows and order, only the columns of {@link RenderingRow}. */
    public String renderings(UserSearchStatement statement) {
        return page(RENDERING_COLUMNS, statement);
    }

    /**
     * {@link #renderings}'s rows with a fifth column, {@code sortValueSql} (a keyset order's sort column, from the
     * allow-list): the value a keyset page's positions hold.
     */
    public String renderingsWithSortValue(UserSearchStatement statement, String sortValueSql) {
        return page(RENDERING_COLUMNS + ", " + sortValueSql, statement);
    }

    /**
     * {@link #renderings}'s rows, each with the total of the whole search as a fifth column: {@link #count}'s, or
     * with {@code countedActive} the site's counts of users whose {@code active} is that value ({@link #countActive},
     * as a literal: the page's own parameters are the condition's). An uncorrelated scalar sub-select, so the
     * database runs it once per statement, and in the statement's one snapshot (ADR 046). The sub-select's
     * {@code u} is its own {@code users}, not the page's. An empty page has no row to carry the total.
     */
    public String renderingsWithTotal(UserSearchStatement statement, Optional<Boolean> countedActive) {
        String total = countedActive
                .map(active -> activeCount(statement, statement.dialect().literal(active)))
                .orElseGet(() -> count(statement));
        return page(RENDERING_COLUMNS + ", (" + total + ") AS total", statement);
    }

    /** {@code columns} of the statement's users in scope and condition, in its order, cut to its window. */
    private static String page(String columns, UserSearchStatement statement) {
        return "SELECT " + columns + " FROM users u" + where(statement) + " ORDER BY " + statement.orderBy()
                + statement.dialect().page(statement.limit() >= 0);
    }

    private static String activeCount(UserSearchStatement statement, String active) {
        return "SELECT COALESCE(SUM(c.users), 0) FROM user_counts c" + scope(statement, "c") + " AND c.active = "
                + active;
    }

    private static String where(UserSearchStatement statement) {
        StringBuilder sql = new StringBuilder(scope(statement, "u"));
        statement.condition().ifPresent(condition -> sql.append(" AND ").append(condition.sql()));
        return sql.toString();
    }

    /** The site, hidden and pending conditions, on columns {@code users} and {@code user_counts} share. */
    private static String scope(UserSearchStatement statement, String alias) {
        Dialect dialect = statement.dialect();
        StringBuilder sql = new StringBuilder(" WHERE " + alias + ".site = #{site}");
        if (!statement.includeHidden()) {
            sql.append(" AND ").append(alias).append(".hidden = ").append(dialect.literal(false));
        }
        switch (statement.pending()) {
            case EXCLUDED -> sql.append(" AND ").append(alias).append(".pending = ").append(dialect.literal(false));
            case ONLY -> sql.append(" AND ").append(alias).append(".pending = ").append(dialect.literal(true));
            case INCLUDED -> { }
        }
        return sql.toString();
    }
}
