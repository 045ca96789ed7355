package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A user's place in a keyset order as text, for the core to carry in a signed cursor: the sort column's value as
 * stored ({@code -} for NULL, {@code s<length>:<text>}, {@code n<epoch ms>}, nothing for an order by id alone), then
 * {@code |} and the id. The value is the stored column's, not the user's attribute, so that a later page compares
 * exactly what SQL sorted by.
 */
final class KeysetPositions {

    private static final Map<String, Function<UserRow, Object>> SORT_VALUES = Map.of(
            "u.id", UserRow::id,
            "u.external_id", UserRow::externalId,
            "u.user_name_key", UserRow::userNameKey,
            "u.display_name_folded", UserRow::displayNameFolded,
            "u.given_name_folded", UserRow::givenNameFolded,
            "u.family_name_folded", UserRow::familyNameFolded,
            "lower(u.role)", row -> row.role().toLowerCase(Locale.ROOT),
            "u.created", UserRow::created,
            "u.last_modified", UserRow::lastModified);

    /** A position read back: the sort value (empty for NULL or no sort column) and the id. */
    record Position(Optional<Object> value, String id) {
    }

    private KeysetPositions() {
    }

    static String of(KeysetOrder order, UserRow row) {
        Optional<String> column = order.columnSql();
        if (column.isEmpty()) {
            return of(order, null, row.id());
        }
        Function<UserRow, Object> sortValue = SORT_VALUES.get(column.get());
        if (sortValue == null) {
            throw new IllegalStateException("no position for the sort column " + column.get());
        }
        return of(order, sortValue.apply(row), row.id());
    }

    /**
     * The position of the user {@code id} whose sort column holds {@code value} as SQL read it: a {@code Long} for
     * an instant column, else text; {@code null} for NULL. The value is ignored for an order by id alone.
     */
    static String of(KeysetOrder order, Object value, String id) {
        if (order.columnSql().isEmpty()) {
            return "|" + id;
        }
        String encoded = value == null ? "-"
                : value instanceof Long millis ? "n" + millis
                : "s" + ((String) value).length() + ":" + value;
        return encoded + "|" + id;
    }

    /** @throws ScimException {@code invalidCursor} for text {@link #of} did not write under this order */
    static Position parse(KeysetOrder order, String text) {
        try {
            if (order.columnSql().isEmpty()) {
                return new Position(Optional.empty(), expectId(text, 0));
            }
            char kind = text.charAt(0);
            if (kind == '-') {
                return new Position(Optional.empty(), expectId(text, 1));
            }
            if (kind == 'n' && order.numeric()) {
                int bar = text.indexOf('|');
                return new Position(Optional.of(Long.parseLong(text.substring(1, bar))), expectId(text, bar));
            }
            if (kind == 's' && !order.numeric()) {
                int colon = text.indexOf(':');
                int length = Integer.parseInt(text.substring(1, colon));
                int end = colon + 1 + length;
                return new Position(Optional.of(text.substring(colon + 1, end)), expectId(text, end));
            }
        } catch (RuntimeException malformed) {
            // falls through to the refusal
        }
        throw new ScimException(ScimErrorType.INVALID_CURSOR, "The cursor does not fit this query; start again "
                + "with an empty cursor.");
    }

    private static String expectId(String text, int bar) {
        if (text.charAt(bar) != '|' || bar + 1 >= text.length()) {
            throw new IllegalArgumentException("no id");
        }
        return text.substring(bar + 1);
    }
}
