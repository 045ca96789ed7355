package dev.roster.scim.core.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a keyset page starts (RFC 9865 cursor paging): strictly after a position in the query's order
 * ({@link Direction#FORWARD}), or strictly before it ({@link Direction#BACKWARD}). A position is the store's own
 * text for a user's place in the order (its sort key and id); the core only carries it inside a signed cursor and
 * never reads it. {@link #first()} is the start of the results.
 *
 * <pre>{@code
 * KeysetPage page = users.searchByKeyset(site, query, Keyset.first());
 * KeysetPage next = users.searchByKeyset(site, query, Keyset.after(page.last().orElseThrow()));
 * }</pre>
 *
 * @param direction which way the page runs from the position
 * @param position  the store's text for a user's place in the order, from an earlier {@link KeysetPage}; empty for
 *                  the first page (forward only)
 */
public record Keyset(Direction direction, Optional<String> position) {

    /** Which way a page runs from its position. */
    public enum Direction {
        /** The users after the position, in the query's order. */
        FORWARD,
        /** The users before the position; the page still lists them in the query's order. */
        BACKWARD
    }

    /**
     * A keyset, checked.
     *
     * @param direction which way the page runs
     * @param position  the store's position to start from; empty only for the first page
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a backward keyset has no position
     */
    public Keyset {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(position, "position");
        if (direction == Direction.BACKWARD && position.isEmpty()) {
            throw new IllegalArgumentException("a backward page needs a position");
        }
    }

    /**
     * The first page.
     *
     * @return the keyset of the results' start: forward, without a position
     */
    public static Keyset first() {
        return new Keyset(Direction.FORWARD, Optional.empty());
    }

    /**
     * The page after a position: the next page.
     *
     * @param position the position of the last user of the page before, as {@link KeysetPage#last()} gave it
     * @return the forward keyset from that position
     */
    public static Keyset after(String position) {
        return new Keyset(Direction.FORWARD, Optional.of(position));
    }

    /**
     * The page before a position: the previous page.
     *
     * @param position the position of the first user of the page after, as {@link KeysetPage#first()} gave it
     * @return the backward keyset from that position
     */
    public static Keyset before(String position) {
        return new Keyset(Direction.BACKWARD, Optional.of(position));
    }
}
