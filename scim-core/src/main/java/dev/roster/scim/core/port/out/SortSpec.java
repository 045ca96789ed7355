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
 */
public record SortSpec(AttrPath path, boolean ascending) {

    public SortSpec {
        Objects.requireNonNull(path, "path");
    }

    public static SortSpec ascending(AttrPath path) {
        return new SortSpec(path, true);
    }

    public static SortSpec descending(AttrPath path) {
        return new SortSpec(path, false);
    }
}
