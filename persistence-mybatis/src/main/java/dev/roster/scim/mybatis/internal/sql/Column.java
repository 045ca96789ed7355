package dev.roster.scim.mybatis.internal.sql;

/** A column (or fixed expression) of the allow-list, how it compares and whether it can be NULL. */
record Column(String sql, ColumnKind kind, boolean nullable) {

    /** Holds text (an identifier, a name, an email), not a flag or an instant. */
    boolean holdsText() {
        return kind != ColumnKind.BOOLEAN && kind != ColumnKind.INSTANT;
    }
}
