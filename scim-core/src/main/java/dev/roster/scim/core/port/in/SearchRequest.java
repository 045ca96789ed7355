package dev.roster.scim.core.port.in;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimString;
import dev.roster.scim.core.json.ScimValue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query parameters of a search as the client sent them (RFC 7644 §3.4.2): {@code filter}, {@code sortBy},
 * {@code sortOrder}, {@code startIndex} and {@code count}, unparsed, and RFC 9865's {@code cursor} (present, even
 * empty, when the client asks for cursor paging). {@link ScimUsers#search} interprets them:
 * a bad filter is {@code 400 invalidFilter}, a {@code startIndex} below 1 means 1, a negative {@code count} means
 * 0, and {@code count} is capped at {@link ScimUsers#MAX_RESULTS} (also its default), as RFC 7644 §3.4.2.4 has it.
 * Adapters hand over what the client sent, to {@link #fromQuery} (the query parameters of a {@code GET}) or
 * {@link #fromBody} (a {@code POST .search} body), which read it by the same rules ({@link ParameterValues}): blank
 * is absent, a {@code startIndex} or {@code count} that is no {@code int} is {@code 400 invalidValue} before a
 * request exists, a body member of the wrong JSON type is {@code 400 invalidValue}, a body {@code cursor} that is
 * no string {@code 400 invalidCursor}, and a body whose {@code schemas} does not name {@link #SCHEMA}
 * {@code 400 invalidSyntax}.
 *
 * <pre>{@code
 * new SearchRequest(Optional.of("active eq true"), Optional.of("userName"), Optional.empty(),
 *         OptionalInt.of(1), OptionalInt.of(50));
 * }</pre>
 *
 * @param filter     the {@code filter} text (RFC 7644 §3.4.2.2), unparsed; empty for every user
 * @param sortBy     the {@code sortBy} attribute path, unresolved; empty for the order by id
 * @param sortOrder  {@code ascending} or {@code descending} in any case, unchecked; empty for ascending
 * @param startIndex the 1-based index of the first result; empty for 1
 * @param count      the most results the page may hold; empty for {@link ScimUsers#MAX_RESULTS}
 * @param cursor     RFC 9865's {@code cursor}: {@code ""} for the first page, then a {@code nextCursor} or
 *                   {@code previousCursor} of an earlier answer; empty to page by {@code startIndex}
 */
public record SearchRequest(Optional<String> filter, Optional<String> sortBy, Optional<String> sortOrder,
                            OptionalInt startIndex, OptionalInt count, Optional<String> cursor) {

    /** The schema of a search body, RFC 7644 §3.4.3. */
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /**
     * A request, its components checked for null only: interpreting them is {@link ScimUsers#search}'s.
     *
     * @param filter     the {@code filter} text, or empty
     * @param sortBy     the {@code sortBy} text, or empty
     * @param sortOrder  the {@code sortOrder} text, or empty
     * @param startIndex the {@code startIndex}, or empty
     * @param count      the {@code count}, or empty
     * @param cursor     the {@code cursor}, or empty to page by {@code startIndex}
     * @throws NullPointerException if a component is null
     */
    public SearchRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
        Objects.requireNonNull(startIndex, "startIndex");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(cursor, "cursor");
    }

    /**
     * A request paged by {@code startIndex} (or not paged): no {@code cursor} parameter.
     *
     * @param filter     the {@code filter} text, or empty
     * @param sortBy     the {@code sortBy} text, or empty
     * @param sortOrder  the {@code sortOrder} text, or empty
     * @param startIndex the {@code startIndex}, or empty
     * @param count      the {@code count}, or empty
     */
    public SearchRequest(Optional<String> filter, Optional<String> sortBy, Optional<String> sortOrder,
                         OptionalInt startIndex, OptionalInt count) {
        this(filter, sortBy, sortOrder, startIndex, count, Optional.empty());
    }

    /**
     * No parameters: the first page of every user.
     *
     * @return the request of a {@code GET /Users} without a query
     */
    public static SearchRequest all() {
        return new SearchRequest(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty());
    }

    /**
     * A request with only a filter: the first page of its matches.
     *
     * @param filter the filter text, e.g. {@code userName eq "ann"}; parsed by {@link ScimUsers#search}
     * @return the request
     */
    public static SearchRequest filtered(String filter) {
        return all().withFilter(filter);
    }

    /**
     * The same request with another filter.
     *
     * @param value the filter text, replacing any filter the request had
     * @return the request
     */
    public SearchRequest withFilter(String value) {
        return new SearchRequest(Optional.of(value), sortBy, sortOrder, startIndex, count, cursor);
    }

    /**
     * The same request, sorted.
     *
     * @param by    the {@code sortBy} attribute path, e.g. {@code name.familyName}
     * @param order {@code ascending} or {@code descending}
     * @return the request
     */
    public SearchRequest withSort(String by, String order) {
        return new SearchRequest(filter, Optional.of(by), Optional.of(order), startIndex, count, cursor);
    }

    /**
     * The same request with another page, by index.
     *
     * @param start the 1-based {@code startIndex}; {@link ScimUsers#search} reads one below 1 as 1
     * @param size  the {@code count}; {@link ScimUsers#search} reads one below 0 as 0 and caps it at
     *              {@link ScimUsers#MAX_RESULTS}
     * @return the request
     */
    public SearchRequest withPage(int start, int size) {
        return new SearchRequest(filter, sortBy, sortOrder, OptionalInt.of(start), OptionalInt.of(size), cursor);
    }

    /**
     * Cursor paging (RFC 9865): {@code ""} for the first page, then a {@code nextCursor} or {@code previousCursor}.
     *
     * @param value the cursor: {@code ""}, or one an earlier answer of the same search gave
     * @param size  the page's {@code count}
     * @return the request, paged by cursor
     */
    public SearchRequest withCursor(String value, int size) {
        return new SearchRequest(filter, sortBy, sortOrder, startIndex, OptionalInt.of(size), Optional.of(value));
    }

    /**
     * A {@code GET} search from its query parameters, as the client sent them (absent parameters absent from the
     * map). {@code cursor} present, even empty, asks for cursor paging (RFC 9865 §2); other blank values are absent.
     *
     * @param parameters the query parameters by name (the names as RFC 7644 spells them, case-sensitive); other
     *                   parameters, such as {@code attributes}, are ignored; a null value is absent
     * @return the request
     * @throws ScimException {@code 400 invalidValue} if {@code startIndex} or {@code count} is no {@code int}
     */
    public static SearchRequest fromQuery(Map<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new SearchRequest(ParameterValues.text(parameter(parameters, "filter")),
                ParameterValues.text(parameter(parameters, "sortBy")),
                ParameterValues.text(parameter(parameters, "sortOrder")),
                ParameterValues.integer("startIndex", parameter(parameters, "startIndex")),
                ParameterValues.integer("count", parameter(parameters, "count")), parameter(parameters, "cursor"));
    }

    /**
     * A {@code POST .search} body (RFC 7644 §3.4.3). {@code attributes} and {@code excludedAttributes} are the
     * projection's, not the search's.
     *
     * @param body the body as the client sent it
     * @return the request
     *
     * @throws ScimException {@code 400 invalidSyntax} if {@code schemas} is there but does not name {@link #SCHEMA};
     *                       {@code 400 invalidValue} for a member of the wrong type or a number that is no
     *                       {@code int}; {@code 400 invalidCursor} for a {@code cursor} that is no string
     */
    public static SearchRequest fromBody(ScimObject body) {
        requireSchemaIfNamed(body);
        return new SearchRequest(ParameterValues.text(body, "filter"), ParameterValues.text(body, "sortBy"),
                ParameterValues.text(body, "sortOrder"), ParameterValues.integer(body, "startIndex"),
                ParameterValues.integer(body, "count"), cursor(body));
    }

    private static Optional<String> parameter(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static void requireSchemaIfNamed(ScimObject body) {
        body.getArray("schemas").ifPresent(schemas -> {
            boolean named = schemas.values().stream()
                    .anyMatch(value -> value instanceof ScimString s && s.value().equalsIgnoreCase(SCHEMA));
            if (!named) {
                throw ScimException.invalidSyntax("A search body's schemas must name " + SCHEMA + ".");
            }
        });
    }

    /** A search body's {@code cursor}: a string, {@code ""} for the first page (RFC 9865 §3). */
    private static Optional<String> cursor(ScimObject body) {
        Optional<ScimValue> value = body.getAssigned("cursor");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScimString string) {
            return Optional.of(string.value());
        }
        throw new ScimException(ScimErrorType.INVALID_CURSOR, "cursor must be a string: \"\" for the first page, "
                + "then the nextCursor or previousCursor of the last response.");
    }
}
