package dev.roster.scim.mybatis.internal.sql;

import dev.roster.scim.core.port.out.SortSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order of a keyset page (RFC 9865 cursors) and the condition "strictly after this user" in it: the sort column
 * (absent: by id alone) then {@code u.id}. Ascending puts users without a value last and descending first, as
 * {@link SortToSql} does; read backward, every direction and the NULLs' place flip, so NULLs come last exactly when
 * the column runs ascending. For a user with a value {@code v} and id {@code i}, after means
 * {@code c >= v AND (c > v OR u.id > i)} (a range an index on the column can start from), or a NULL when NULLs come
 * last; for a user without a value, a NULL with a greater id, or any value when NULLs come first. Values are bound
 * as {@code #{params[i]}} from a given index on, so that the condition can follow a filter's.
 */
public final class KeysetOrder {

    private final Optional<Column> column;
    private final boolean ascending;

    private KeysetOrder(Optional<Column> column, boolean ascending) {
        this.column = column;
        this.ascending = ascending;
    }

    /** The keyset order of a sort, or empty when its attribute has no sortable column. */
    public static Optional<KeysetOrder> of(Optional<SortSpec> sort) {
        if (sort.isEmpty()) {
            return Optional.of(new KeysetOrder(Optional.empty(), true));
        }
        return Columns.canonical(sort.get().path())
                .flatMap(Columns::userColumn)
                .filter(column -> column.kind() != ColumnKind.BOOLEAN)
                .map(column -> new KeysetOrder(Optional.of(column), sort.get().ascending()));
    }

    /** The sort column's SQL ({@code u.display_name_folded}), empty when the order is by id alone. */
    public Optional<String> columnSql() {
        return column.map(Column::sql);
    }

    /** Whether the sort column holds epoch milliseconds (a position's value is then a {@code Long}). */
    public boolean numeric() {
        return column.map(c -> c.kind() == ColumnKind.INSTANT).orElse(false);
    }

    /** ORDER BY for the page read forward, or backward (every direction flipped). */
    public String orderBy(boolean backward) {
        boolean up = ascending != backward;
        String id = "u.id" + (backward ? " DESC" : " ASC");
        return column.map(c -> c.sql() + (up ? " ASC" : " DESC") + nulls(c, up) + ", " + id).orElse(id);
    }

    private static String nulls(Column column, boolean up) {
        if (!column.nullable()) {
            return "";
        }
        return up ? " NULLS LAST" : " NULLS FIRST";
    }

    /**
     * The users strictly after {@code (value, id)} in the order read forward, or backward.
     *
     * @param value the sort column's value at the position, empty for NULL (or for an order by id alone)
     */
    public SqlCondition after(Optional<Object> value, String id, boolean backward, int firstParameter) {
        int idParameter = firstParameter + (column.isPresent() && value.isPresent() ? 2 : 0);
        String idAfter = "u.id " + (backward ? "<" : ">") + " #{params[" + idParameter + "]}";
        List<Object> parameters = new ArrayList<>();
        if (column.isEmpty()) {
            return new SqlCondition(idAfter, List.of(id));
        }
        Column c = column.get();
        boolean up = ascending != backward;
        String sql;
        if (value.isPresent()) {
            String beyond = up ? ">" : "<";
            String v0 = "#{params[" + firstParameter + "]}";
            String v1 = "#{params[" + (firstParameter + 1) + "]}";
            sql = "(" + c.sql() + " " + beyond + "= " + v0 + " AND (" + c.sql() + " " + beyond + " " + v1 + " OR "
                    + idAfter + "))";
            if (c.nullable() && up) {
                sql = "(" + sql + " OR " + c.sql() + " IS NULL)";
            }
            parameters.add(value.get());
            parameters.add(value.get());
        } else {
            sql = "(" + c.sql() + " IS NULL AND " + idAfter + ")";
            if (!up) {
                sql = "(" + sql + " OR " + c.sql() + " IS NOT NULL)";
            }
        }
        parameters.add(id);
        return new SqlCondition(sql, parameters);
    }
}
