package dev.roster.scim.core.port.out;

import dev.roster.scim.core.filter.Filter;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UserStore#search} is asked: an optional filter AST, an optional sort, a 1-based {@code startIndex},
 * a {@code count} (0 asks for the total only) and whether SCIM-deleted users count. Results are ordered by the sort
 * and then by id, so that paging is stable.
 */
public record UserQuery(Optional<Filter> filter, Optional<SortSpec> sort, int startIndex, int count,
                        boolean includeHidden) {

    public UserQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    public static UserQuery all(int startIndex, int count) {
        return new UserQuery(Optional.empty(), Optional.empty(), startIndex, count, false);
    }

    public static UserQuery filtered(Filter filter, int startIndex, int count) {
        return new UserQuery(Optional.of(filter), Optional.empty(), startIndex, count, false);
    }

    public UserQuery withSort(SortSpec value) {
        return new UserQuery(filter, Optional.of(value), startIndex, count, includeHidden);
    }

    public UserQuery includingHidden() {
        return new UserQuery(filter, sort, startIndex, count, true);
    }
}
