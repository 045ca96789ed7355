package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A search's SQL as the store sends it: {@link JdbcSearchText}'s translation, with the values it binds. */
record JdbcStatement(String sql, List<Object> values) {

    static JdbcStatement of(String mybatisSql, UserSearchStatement statement) {
        JdbcSearchText text = JdbcSearchText.of(mybatisSql);
        return new JdbcStatement(text.sql(), text.values(statement));
    }

    /** The statement prefixed (with {@code EXPLAIN …}), its values bound. */
    PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(prefix + sql);
        for (int i = 0; i < values.size(); i++) {
            prepared.setObject(i + 1, values.get(i));
        }
        return prepared;
    }
}
