package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A search's SQL as MyBatis would send it: each {@code #{}} placeholder a {@code ?}, with the value it names. */
record JdbcStatement(String sql, List<Object> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([a-z]+)(?:\\[(\\d+)])?}");

    static JdbcStatement of(String mybatisSql, UserSearchStatement statement) {
        List<Object> values = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(mybatisSql);
        StringBuilder jdbcSql = new StringBuilder();
        while (placeholders.find()) {
            values.add(value(statement, placeholders.group(1), Optional.ofNullable(placeholders.group(2))));
            placeholders.appendReplacement(jdbcSql, "?");
        }
        placeholders.appendTail(jdbcSql);
        return new JdbcStatement(jdbcSql.toString(), values);
    }

    /** The statement prefixed (with {@code EXPLAIN …}), its values bound. */
    PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(prefix + sql);
        for (int i = 0; i < values.size(); i++) {
            prepared.setObject(i + 1, values.get(i));
        }
        return prepared;
    }

    private static Object value(UserSearchStatement statement, String name, Optional<String> index) {
        return switch (name) {
            case "site" -> statement.site();
            case "limit" -> statement.limit();
            case "offset" -> statement.offset();
            case "params" -> statement.params().get(Integer.parseInt(index.orElseThrow()));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
