package dev.roster.scim.mybatis.internal.mapper;

import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.SqlCondition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a user search for {@link UserSqlProvider}: the dialect, the site, whether hidden and pending users count, the
 * pushed-down
 * condition and its bound values ({@code params}, which the condition's {@code #{params[i]}} placeholders name), the
 * ORDER BY list from the allow-list and the page window ({@code limit} -1 means no limit).
 */
public record UserSearchStatement(Dialect dialect, String site, boolean includeHidden, UserQuery.Pending pending,
                                  Optional<SqlCondition> condition, List<Object> params, String orderBy, int limit,
                                  int offset) {

    public UserSearchStatement {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(condition, "condition");
        params = List.copyOf(params);
        Objects.requireNonNull(orderBy, "orderBy");
    }

    public static UserSearchStatement of(Dialect dialect, String site, boolean includeHidden,
                                         UserQuery.Pending pending, Optional<SqlCondition> condition, String orderBy) {
        return new UserSearchStatement(dialect, site, includeHidden, pending, condition,
                condition.map(SqlCondition::parameters).orElse(List.of()), orderBy, -1, 0);
    }

    public UserSearchStatement page(int newLimit, int newOffset) {
        return new UserSearchStatement(dialect, site, includeHidden, pending, condition, params, orderBy, newLimit,
                newOffset);
    }
}
