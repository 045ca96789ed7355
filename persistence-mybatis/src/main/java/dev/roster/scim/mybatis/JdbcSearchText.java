package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search text of {@code UserSqlProvider} as JDBC takes it (ADR 041): each {@code #{}} placeholder a {@code ?},
 * and which of the statement's values each one binds. The provider stays the one source of the SQL; this is its
 * text translated once, so that a hot read binds and runs it without MyBatis's per-call {@code BoundSql}.
 *
 * <p>The provider writes four kinds of placeholder, {@code #{site}}, {@code #{params[i]}}, {@code #{limit}} and
 * {@code #{offset}}, none with options; any other is refused rather than bound wrongly.
 */
record JdbcSearchText(String sql, List<Placeholder> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]*)}");
    private static final Pattern PARAMETER = Pattern.compile("params\\[(\\d+)]");

    JdbcSearchText {
        placeholders = List.copyOf(placeholders);
    }

    /** The JDBC form of a provider text. */
    static JdbcSearchText of(String mybatisSql) {
        List<Placeholder> placeholders = new ArrayList<>();
        Matcher found = PLACEHOLDER.matcher(mybatisSql);
        StringBuilder jdbcSql = new StringBuilder(mybatisSql.length());
        while (found.find()) {
            placeholders.add(Placeholder.named(found.group(1)));
            found.appendReplacement(jdbcSql, "?");
        }
        found.appendTail(jdbcSql);
        return new JdbcSearchText(jdbcSql.toString(), placeholders);
    }

    /** Binds the statement's values in placeholder order, each as MyBatis's type handler for its class would. */
    void bind(PreparedStatement prepared, UserSearchStatement statement) throws SQLException {
        for (int i = 0; i < placeholders.size(); i++) {
            bindValue(prepared, i + 1, placeholders.get(i).value(statement));
        }
    }

    /** The values the placeholders stand for, in order (for {@code EXPLAIN} in tests). */
    List<Object> values(UserSearchStatement statement) {
        return placeholders.stream().map(placeholder -> placeholder.value(statement)).toList();
    }

    private static void bindValue(PreparedStatement prepared, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            prepared.setString(index, text);
        } else if (value instanceof Long number) {
            prepared.setLong(index, number);
        } else if (value instanceof Integer number) {
            prepared.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            prepared.setBoolean(index, flag);
        } else {
            throw new IllegalArgumentException("a search binds text, numbers and booleans only, not " + value);
        }
    }

    /** One placeholder: the site, the i-th filter parameter, the page's limit or its offset. */
    record Placeholder(Kind kind, int parameter) {

        enum Kind { SITE, PARAMETER, LIMIT, OFFSET }

        static Placeholder named(String name) {
            switch (name) {
                case "site":
                    return new Placeholder(Kind.SITE, -1);
                case "limit":
                    return new Placeholder(Kind.LIMIT, -1);
                case "offset":
                    return new Placeholder(Kind.OFFSET, -1);
                default:
                    Matcher parameter = PARAMETER.matcher(name);
                    if (!parameter.matches()) {
                        throw new IllegalArgumentException("not a search placeholder: #{" + name + "}");
                    }
                    return new Placeholder(Kind.PARAMETER, Integer.parseInt(parameter.group(1)));
            }
        }

        Object value(UserSearchStatement statement) {
            return switch (kind) {
                case SITE -> statement.site();
                case PARAMETER -> statement.params().get(parameter);
                case LIMIT -> statement.limit();
                case OFFSET -> statement.offset();
            };
        }
    }
}
