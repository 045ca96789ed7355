package dev.roster.scim.mybatis.internal.sql;

/** A column (or fixed expression) of the allow-list, how it compares and whether it can be NULL. */
record Column(String sql, ColumnKind kind, boolean nullable) {
}
