package dev.roster.scim.mybatis.internal.sql;

import dev.roster.scim.core.port.out.SortSpec;

import java.util.Optional;

/**
 * {@code ORDER BY} for a {@link SortSpec} over an allow-listed column: case-insensitive attributes by their folded
 * column, users without a value last when ascending and first when descending (RFC 7644 §3.4.2.3), then by id so
 * that pages are stable.
 */
public final class SortToSql {

    /** The order of unsorted results. */
    public static final String BY_ID = "u.id ASC";

    private SortToSql() {
    }

    /** The ORDER BY list, or empty when the attribute has no sortable column. */
    public static Optional<String> orderBy(SortSpec sort) {
        return Columns.canonical(sort.path())
                .flatMap(Columns::userColumn)
                .filter(column -> column.kind() != ColumnKind.BOOLEAN)
                .map(column -> order(column, sort.ascending()) + ", " + BY_ID);
    }

    private static String order(Column column, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        if (!column.nullable()) {
            return column.sql() + direction;
        }
        return column.sql() + direction + (ascending ? " NULLS LAST" : " NULLS FIRST");
    }
}
