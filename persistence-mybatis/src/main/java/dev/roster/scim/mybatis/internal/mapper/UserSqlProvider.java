package dev.roster.scim.mybatis.internal.mapper;

import dev.roster.scim.mybatis.internal.sql.Dialect;

/**
 * Builds the SQL of user searches. A provider rather than XML because a filter is a tree and XML cannot recurse
 * over one (see docs/adr/007-filter-push-down-with-a-provider.md). The text assembled here comes only from
 * constants and from {@code FilterToSql} and {@code SortToSql}, which write allow-listed columns and {@code #{}}
 * placeholders: every value is bound.
 */
public final class UserSqlProvider {

    static final String USER_COLUMNS = "u.site, u.id, u.user_name, u.user_name_key, u.external_id, u.display_name,"
            + " u.display_name_folded, u.given_name, u.given_name_folded, u.family_name, u.family_name_folded,"
            + " u.active, u.role, u.idp_active, u.last_changed_by, u.claimed_by_idp, u.hidden, u.pending, u.version,"
            + " u.created, u.last_modified, u.document";

    public String count(UserSearchStatement statement) {
        return "SELECT COUNT(*) FROM users u" + where(statement);
    }

    public String search(UserSearchStatement statement) {
        return "SELECT " + USER_COLUMNS + " FROM users u" + where(statement) + " ORDER BY " + statement.orderBy()
                + statement.dialect().page(statement.limit() >= 0);
    }

    private static String where(UserSearchStatement statement) {
        Dialect dialect = statement.dialect();
        StringBuilder sql = new StringBuilder(" WHERE u.site = #{site}");
        if (!statement.includeHidden()) {
            sql.append(" AND u.hidden = ").append(dialect.literal(false));
        }
        switch (statement.pending()) {
            case EXCLUDED -> sql.append(" AND u.pending = ").append(dialect.literal(false));
            case ONLY -> sql.append(" AND u.pending = ").append(dialect.literal(true));
            case INCLUDED -> { }
        }
        statement.condition().ifPresent(condition -> sql.append(" AND ").append(condition.sql()));
        return sql.toString();
    }
}
