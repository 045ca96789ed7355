package dev.roster.scim.core.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query parameters of a search as the client sent them (RFC 7644 §3.4.2): {@code filter}, {@code sortBy},
 * {@code sortOrder}, {@code startIndex} and {@code count}, unparsed, and RFC 9865's {@code cursor} (present, even
 * empty, when the client asks for cursor paging). {@link ScimUsers#search} interprets them:
 * a bad filter is {@code 400 invalidFilter}, a {@code startIndex} below 1 means 1, a negative {@code count} means
 * 0, and {@code count} is capped at {@link ScimUsers#MAX_RESULTS} (also its default), as RFC 7644 §3.4.2.4 has it.
 * A number that does not even fit an {@code int} is out of range: adapters refuse it with {@code 400 invalidValue}
 * before a request exists, reading it through {@link dev.roster.scim.core.json.ScimNumber}, which bounds a number
 * before anything converts it.
 *
 * <pre>{@code
 * new SearchRequest(Optional.of("active eq true"), Optional.of("userName"), Optional.empty(),
 *         OptionalInt.of(1), OptionalInt.of(50));
 * }</pre>
 */
public record SearchRequest(Optional<String> filter, Optional<String> sortBy, Optional<String> sortOrder,
                            OptionalInt startIndex, OptionalInt count, Optional<String> cursor) {

    public SearchRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
        Objects.requireNonNull(startIndex, "startIndex");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(cursor, "cursor");
    }

    /** A request paged by {@code startIndex} (or not paged): no {@code cursor} parameter. */
    public SearchRequest(Optional<String> filter, Optional<String> sortBy, Optional<String> sortOrder,
                         OptionalInt startIndex, OptionalInt count) {
        this(filter, sortBy, sortOrder, startIndex, count, Optional.empty());
    }

    /** No parameters: the first page of every user. */
    public static SearchRequest all() {
        return new SearchRequest(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty());
    }

    public static SearchRequest filtered(String filter) {
        return all().withFilter(filter);
    }

    public SearchRequest withFilter(String value) {
        return new SearchRequest(Optional.of(value), sortBy, sortOrder, startIndex, count, cursor);
    }

    public SearchRequest withSort(String by, String order) {
        return new SearchRequest(filter, Optional.of(by), Optional.of(order), startIndex, count, cursor);
    }

    public SearchRequest withPage(int start, int size) {
        return new SearchRequest(filter, sortBy, sortOrder, OptionalInt.of(start), OptionalInt.of(size), cursor);
    }

    /** Cursor paging (RFC 9865): {@code ""} for the first page, then a {@code nextCursor} or {@code previousCursor}. */
    public SearchRequest withCursor(String value, int size) {
        return new SearchRequest(filter, sortBy, sortOrder, startIndex, OptionalInt.of(size), Optional.of(value));
    }
}
