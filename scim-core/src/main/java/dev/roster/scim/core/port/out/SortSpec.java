package dev.roster.scim.core.port.out;

import dev.roster.scim.core.filter.AttrPath;

import java.util.Objects;

/**
 * {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3). Users without a value sort last in ascending order and
 * first in descending order, as the RFC asks; case-insensitive attributes sort case-insensitively. Ties are broken
 * by id, ascending, whatever the order.
 *
 * <pre>{@code
 * SortSpec.descending(AttrPath.of("meta", "created"))
 * }</pre>
 *
 * @param path      the attribute to sort by, as the core resolved {@code sortBy}; a multi-valued attribute sorts by
 *                  its primary value
 * @param ascending true for {@code ascending} (the RFC's default), false for {@code descending}
 */
public record SortSpec(AttrPath path, boolean ascending) {

    /**
     * A sort, checked.
     *
     * @param path      the attribute to sort by
     * @param ascending true for ascending, false for descending
     * @throws NullPointerException if {@code path} is null
     */
    public SortSpec {
        Objects.requireNonNull(path, "path");
    }

    /**
     * An ascending order: users without a value last.
     *
     * @param path the attribute to sort by
     * @return the sort
     */
    public static SortSpec ascending(AttrPath path) {
        return new SortSpec(path, true);
    }

    /**
     * A descending order: users without a value first.
     *
     * @param path the attribute to sort by
     * @return the sort
     */
    public static SortSpec descending(AttrPath path) {
        return new SortSpec(path, false);
    }
}
