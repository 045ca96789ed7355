package dev.roster.scim.mybatis.internal.sql;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a {@code WHERE} clause and the values it binds. The SQL text holds only allow-listed columns, SQL
 * keywords and placeholders {@code #{params[i]}} standing for {@code parameters().get(i)}; the statement that
 * embeds it exposes the list as its {@code params} property. No text of a filter ever appears in it.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    public SqlCondition {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
